LeadsCommand.runMain()
