// Subcommands of the `vigie` CLI. Each file cli/<name>_cmd.cc registers its subcommands on the app
// and stores its exit status in *exit_code when it runs; main.cc only parses and dispatches.
#ifndef VIGIE_CLI_COMMANDS_H_
#define VIGIE_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <cstddef>
#include <memory>

#include "vigie/pipeline.h"

namespace vigie::cli {

// Options every subcommand shares.
struct GlobalOptions {
  std::string data_dir;  // --data-dir, default: the build's data/ or $VIGIE_DATA_DIR
};

// The pipeline every analysing subcommand shares; on failure prints why on stderr and returns null.
std::unique_ptr<Pipeline> CreatePipelineOrReport(const GlobalOptions& global, size_t max_bytes);

void AddAnalyzeCommand(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddGazetteerCommands(CLI::App& app, const GlobalOptions& global, int* exit_code);
void AddStoreCommands(CLI::App& app, const GlobalOptions& global, int* exit_code);

}  // namespace vigie::cli

#endif  // VIGIE_CLI_COMMANDS_H_
