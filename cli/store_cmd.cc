// Registered by the store stage; its subcommands are added here as they are built.
#include "cli/commands.h"

namespace vigie::cli {

void AddStoreCommands(CLI::App& /*app*/, const GlobalOptions& /*global*/,
                       int* /*exit_code*/) {}

}  // namespace vigie::cli
