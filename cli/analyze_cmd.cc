// vigie analyze [FILE...|DIR|-]: one JSON analysis per article on stdout; problems and the summary
// on stderr. Exit status 0 when every record was analysed or skipped for its language, 1 when some
// record could not be read or analysed, 2 when the pipeline could not start.
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "vigie/input.h"
#include "vigie/json.h"
#include "vigie/pipeline.h"

namespace vigie::cli {
namespace {

struct AnalyzeFlags {
  std::vector<std::string> inputs;
  bool debug = false;
  bool explain = false;
  bool stats = false;
  bool pretty = false;
  size_t max_bytes = size_t{1} << 20;
};

// Counts for the summary line: what was read, analysed, skipped, and why.
struct Tally {
  uint64_t read = 0, analysed = 0, bytes = 0, events = 0, places = 0, quotes = 0;
  uint64_t sentences = 0, tokens = 0;
  std::map<std::string, uint64_t> skipped;  // reason -> count
  std::map<std::string, uint64_t> cleaning;
  bool failed = false;
};

std::string SkipReason(const Status& s) {
  switch (s.code()) {
    case StatusCode::kUnsupported:
      return "unsupported language";
    case StatusCode::kTooLarge:
      return "too large";
    case StatusCode::kInvalidArgument:
      if (s.message().find("JSON") != std::string::npos) return "broken JSON";
      if (s.message().find("UTF-8") != std::string::npos) return "invalid UTF-8";
      if (s.message().find("binary") != std::string::npos) return "binary file";
      return "no text";
    case StatusCode::kNotFound:
      return "not found";
    case StatusCode::kIoError:
      return "unreadable";
    default:
      return "error";
  }
}

void PrintDebug(const Analysis& a, const Article& article) {
  std::printf("== %s  lang=%s  published=%s  sentences=%zu\n", a.article.c_str(), a.lang.c_str(),
              a.published.empty() ? "?" : a.published.c_str(), a.trace->sentences.size());
  for (size_t i = 0; i < a.trace->sentences.size(); ++i) {
    const TextTrace::Sentence& s = a.trace->sentences[i];
    std::printf("[%zu] %u-%u %.*s\n", i, s.span.start, s.span.end,
                static_cast<int>(s.span.end - s.span.start), article.text.data() + s.span.start);
    std::printf("    ");
    for (const TextTrace::Token& t : s.tokens) {
      if (t.lemma.empty() || t.lemma == t.text) {
        std::printf("%s ", t.text.c_str());
      } else {
        std::printf("%s/%s ", t.text.c_str(), t.lemma.c_str());
      }
    }
    std::printf("\n");
  }
  for (const TextTrace::Number& n : a.trace->numbers) {
    std::printf("number %u-%u \"%.*s\" = %g (%s)\n", n.span.start, n.span.end,
                static_cast<int>(n.span.end - n.span.start), article.text.data() + n.span.start,
                n.value, n.qualifier.c_str());
  }
  for (const Place& p : a.places) {
    std::printf("place %u-%u \"%s\" -> %s %s %s/%s\n", p.span.start, p.span.end, p.text.c_str(),
                p.resolved() ? p.name.c_str() : "(unresolved)", PlaceKindName(p.kind),
                p.country.c_str(), p.admin1.c_str());
  }
}

void PrintSummary(const Tally& t, double seconds, bool stats) {
  uint64_t skipped = 0;
  std::string reasons;
  for (const auto& [reason, n] : t.skipped) {
    skipped += n;
    reasons += (reasons.empty() ? "" : ", ") + reason + " " + std::to_string(n);
  }
  std::fprintf(stderr, "vigie: %llu articles read, %llu analysed, %llu skipped%s%s%s\n",
               static_cast<unsigned long long>(t.read), static_cast<unsigned long long>(t.analysed),
               static_cast<unsigned long long>(skipped), reasons.empty() ? "" : " (",
               reasons.c_str(), reasons.empty() ? "" : ")");
  if (!stats) return;
  double mb = static_cast<double>(t.bytes) / 1e6;
  std::fprintf(stderr,
               "vigie: %.2f MB in %.3f s: %.1f articles/s, %.2f MB/s; %llu sentences, %llu tokens, "
               "%llu places, %llu events, %llu quotes\n",
               mb, seconds, seconds > 0 ? static_cast<double>(t.analysed) / seconds : 0.0,
               seconds > 0 ? mb / seconds : 0.0, static_cast<unsigned long long>(t.sentences),
               static_cast<unsigned long long>(t.tokens), static_cast<unsigned long long>(t.places),
               static_cast<unsigned long long>(t.events),
               static_cast<unsigned long long>(t.quotes));
  std::string junk;
  for (const auto& [rule, n] : t.cleaning) {
    junk += (junk.empty() ? "" : ", ") + rule + " " + std::to_string(n);
  }
  std::fprintf(stderr, "vigie: junk cleaned: %s\n", junk.empty() ? "none" : junk.c_str());
}

int RunAnalyze(const AnalyzeFlags& flags, const GlobalOptions& global) {
  std::unique_ptr<Pipeline> pipeline = CreatePipelineOrReport(global, flags.max_bytes);
  if (pipeline == nullptr) return 2;
  auto workspace = pipeline->NewWorkspace();
  AnalyzeOptions analyze_options;
  analyze_options.trace = flags.debug;
  analyze_options.explain = flags.explain;
  JsonOptions json_options;
  json_options.explain = flags.explain;
  json_options.pretty = flags.pretty;

  Tally tally;
  InputOptions input_options;
  input_options.max_article_bytes = flags.max_bytes;
  auto begin = std::chrono::steady_clock::now();
  std::vector<std::string> inputs = flags.inputs;
  if (inputs.empty()) inputs.emplace_back("-");
  ReadInputs(inputs, input_options, [&](Result<Article> record) {
    ++tally.read;
    if (!record.ok()) {
      std::fprintf(stderr, "vigie: %s\n", record.status().message().c_str());
      ++tally.skipped[SkipReason(record.status())];
      tally.failed = true;
      return;
    }
    const Article& article = *record;
    auto analysis = pipeline->Analyze(article, *workspace, analyze_options);
    if (!analysis.ok()) {
      std::fprintf(stderr, "vigie: %s\n", analysis.status().message().c_str());
      ++tally.skipped[SkipReason(analysis.status())];
      if (analysis.status().code() != StatusCode::kUnsupported) tally.failed = true;
      return;
    }
    ++tally.analysed;
    tally.bytes += article.text.size();
    tally.sentences += analysis->stats.sentences;
    tally.tokens += analysis->stats.tokens;
    tally.events += analysis->events.size();
    tally.places += analysis->places.size();
    tally.quotes += analysis->quotes.size();
    for (const auto& [rule, n] : analysis->stats.cleaning) tally.cleaning[rule] += n;
    if (flags.debug) {
      PrintDebug(*analysis, article);
    } else {
      std::string line = ToJson(*analysis, json_options);
      line.push_back('\n');
      std::fwrite(line.data(), 1, line.size(), stdout);
    }
  });
  std::fflush(stdout);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  PrintSummary(tally, seconds, flags.stats);
  return tally.failed ? 1 : 0;
}

}  // namespace

std::unique_ptr<Pipeline> CreatePipelineOrReport(const GlobalOptions& global, size_t max_bytes) {
  PipelineOptions options;
  options.data_dir = global.data_dir;
  options.max_article_bytes = max_bytes;
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "vigie: %s\n", pipeline.status().ToString().c_str());
    return nullptr;
  }
  if (!(*pipeline)->has_gazetteer()) {
    std::fprintf(stderr,
                 "vigie: no gazetteer found: places stay unresolved "
                 "(run scripts/build-gazetteer.sh)\n");
  }
  return std::move(pipeline).value();
}

void AddAnalyzeCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto flags = std::make_shared<AnalyzeFlags>();
  CLI::App* cmd =
      app.add_subcommand("analyze", "Analyse dispatches: one JSON analysis per article");
  cmd->add_option("inputs", flags->inputs,
                  "JSON Lines files, plain-text dispatches, directories, or - for stdin");
  cmd->add_flag("--debug", flags->debug, "Show sentences, tokens, lemmas, numbers and places");
  cmd->add_flag("--explain", flags->explain, "Add the rule and reasons behind each event");
  cmd->add_flag("--stats", flags->stats, "Print throughput and junk-cleaning counts on stderr");
  cmd->add_flag("--pretty", flags->pretty, "Indent the JSON");
  cmd->add_option("--max-bytes", flags->max_bytes, "Skip articles longer than this (bytes)")
      ->capture_default_str();
  cmd->callback([flags, &global, exit_code] { *exit_code = RunAnalyze(*flags, global); });
}

}  // namespace vigie::cli
