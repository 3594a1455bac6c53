// Attaches `leads lsp` (found on the PATH) to Markdown files in Zed.
use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Leads;

impl zed::Extension for Leads {
    fn new() -> Self {
        Leads
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let path = worktree
            .which("leads")
            .ok_or_else(|| "leads is not on the PATH: run `make install` in its repository".to_string())?;
        Ok(zed::Command { command: path, args: vec!["lsp".to_string()], env: Default::default() })
    }
}

zed::register_extension!(Leads);
