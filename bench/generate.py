#!/usr/bin/env python3
"""Deterministic synthetic content in the leads format, for the benchmark.

    bench/generate.py --leads 10000 --out /tmp/content-10k [--seed 1]

N leads spread over all stages and temperatures, ~10 interactions per active lead,
contacts, companies and applications, with Markdown notes of realistic length.
"""
import argparse
import os
import random
from datetime import date, timedelta

STAGES = ["DISCOVERY", "WAKING_UP", "WARM_LEAD", "REFERRAL_SECURED", "CONVERTED"]
SOURCES = ["LINKEDIN", "NETWORKING_EVENT", "REFERRAL", "WEBSITE", "COLD_CALL", "EMAIL", "EVENT", "JOB_BOARD", "OTHER"]
TYPES = ["EMAIL", "PHONE_CALL", "MEETING", "MESSAGE"]
SENTIMENTS = ["POSITIVE", "NEUTRAL", "NEGATIVE"]
ROLES = ["Backend Engineer", "Staff Engineer", "Engineering Manager", "Data Engineer", "Platform Engineer",
         "Product Manager", "Site Reliability Engineer", "Frontend Engineer", "Solutions Architect", "CTO"]
WORDS = ("team roadmap hiring budget platform migration kubernetes latency customers pipeline quarter "
         "referral interview offer onboarding stack golang rust python observability incident design "
         "review culture remote berlin equity growth series funding launch partner").split()
FIRST = ["Ada", "Jonas", "Mia", "Leon", "Zoë", "José", "Priya", "Chen", "Olu", "Sara", "Tom", "Ines"]
LAST = ["Weber", "Müller", "Núñez", "Okafor", "Schmidt", "Kowalski", "Rossi", "Ivanova", "Smith", "Tanaka"]
AS_OF = date(2026, 11, 23)


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def notes(rng, paragraphs):
    out = []
    for _ in range(paragraphs):
        out.append(" ".join(sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(2, 4))))
    out.append("\n".join("- " + sentence(rng, rng.randint(5, 10)) for _ in range(rng.randint(2, 4))))
    return "\n\n".join(out) + "\n"


def write(path, front, body):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("---\n" + front + "---\n" + body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--leads", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = args.out
    companies = max(10, args.leads // 10)
    contacts = max(10, args.leads // 2)
    for c in range(companies):
        write(f"{out}/companies/c{c:06d}.md",
              f"name: Company {c}\nwebsite: https://c{c}.example\nindustry: Software\n", notes(rng, 1))
    for p in range(contacts):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        write(f"{out}/contacts/p{p:06d}.md",
              f'name: {name}\nemail: p{p}@example.com\nphone: "+49 30 {p:07d}"\n'
              f'company: "[[c{rng.randrange(companies):06d}]]"\nrole: Engineer\n', notes(rng, 1))
    for n in range(args.leads):
        lead = f"l{n:06d}"
        created = AS_OF - timedelta(days=rng.randint(5, 700))
        archived = rng.random() < 0.1
        top = rng.choices(range(5), weights=[30, 25, 20, 15, 10])[0]
        status = STAGES[top]
        history = [(STAGES[0], created)]
        day = created
        for rank in range(1, top + 1):
            day = min(AS_OF, day + timedelta(days=rng.randint(1, 20)))
            history.append((STAGES[rank], day))
        if archived and status != "CONVERTED":
            day = min(AS_OF, day + timedelta(days=rng.randint(1, 30)))
            history.append(("ARCHIVED", day))
            status = "ARCHIVED"
        contact = f"p{rng.randrange(contacts):06d}"
        front = (f"role: {rng.choice(ROLES)}\ncompany: \"[[c{rng.randrange(companies):06d}]]\"\n"
                 f"source: {rng.choice(SOURCES)}\ntemperature: {rng.choice(['HOT', 'WARM', 'COLD'])}\n"
                 f"status: {status}\ncreated: {created}\ncontact: \"[[{contact}]]\"\nowner: Maya\n"
                 f"tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]\n")
        if status not in ("CONVERTED", "ARCHIVED"):
            front += f"next_follow_up: {AS_OF + timedelta(days=rng.randint(-10, 20))}\n"
        if status == "CONVERTED":
            front += f'application: "[[{lead}]]"\n'
            write(f"{out}/applications/{lead}.md",
                  f'lead: "[[{lead}]]"\ntitle: Application {n}\napplied: {day}\n'
                  f"milestones:\n  - {{name: CV_RECEIVED, date: {day}}}\n", notes(rng, 1))
        front += "history:\n" + "".join(f"  - {{status: {s}, date: {d}}}\n" for s, d in history)
        write(f"{out}/leads/{lead}.md", front, notes(rng, 2))
        if top > 0 or rng.random() < 0.5:
            for i in range(rng.randint(8, 12)):
                when = min(AS_OF, created + timedelta(days=rng.randint(0, max(1, (AS_OF - created).days))))
                write(f"{out}/interactions/{when}-{lead}-{i}.md",
                      f'lead: "[[{lead}]]"\ndate: {when}\ntype: {rng.choice(TYPES)}\n'
                      f"summary: {sentence(rng, 6)}\nsentiment: {rng.choice(SENTIMENTS)}\n"
                      f"next_action: {sentence(rng, 5)}\n", notes(rng, 1))


if __name__ == "__main__":
    main()
