#include "vigie/pipeline.h"

#include <cstdlib>
#include <filesystem>

#include "base/fold.h"
#include "core/pipeline_impl.h"
#include "core/trace.h"

namespace vigie {

namespace {

// An event placed in the article's country when the article never writes the country's name
// knows only its code: name it from the gazetteer, through any place of that country the article
// does name ("Kaboul" -> Afghanistan).
void NameUnwrittenCountries(const internal::Gazetteer& gazetteer,
                            const std::vector<internal::PlaceMention>& mentions,
                            std::vector<Event>* events) {
  for (Event& e : *events) {
    Place& p = e.place;
    if (p.kind != PlaceKind::kCountry || !p.text.empty() || p.name != p.country) continue;
    for (const internal::PlaceMention& m : mentions) {
      if (m.entry == UINT32_MAX || m.place.country != p.country) continue;
      internal::GazEntry country = gazetteer.Entry(gazetteer.Entry(m.entry).country_index);
      if (country.kind != PlaceKind::kCountry || country.country != p.country) break;
      p.name = std::string(country.name);
      p.lat = country.lat;
      p.lon = country.lon;
      p.geonameid = country.geonameid;
      break;
    }
  }
}

// "Les rebelles se sont emparés de Kunduz": a town changes hands, not a province. A capture placed
// at a province whose seat bears its name (Farah, Kunduz, Sar-e Pul), named without a cue such as
// "la province de", is placed at that seat.
void CaptureTheSeat(const internal::Gazetteer& gazetteer,
                    const std::vector<internal::PlaceMention>& mentions,
                    std::vector<Event>* events) {
  for (Event& e : *events) {
    Place& p = e.place;
    if (e.type != "capture" || p.kind != PlaceKind::kAdmin1 || p.text.empty()) continue;
    const internal::PlaceMention* mention = nullptr;
    for (const internal::PlaceMention& m : mentions) {
      if (m.place.span.start == p.span.start && m.place.span.end == p.span.end) mention = &m;
    }
    if (mention == nullptr || mention->cue_kind != PlaceKind::kUnknown) continue;
    for (uint32_t index : gazetteer.Candidates(internal::FoldText(p.name))) {
      internal::GazEntry seat = gazetteer.Entry(index);
      if (seat.kind != PlaceKind::kCity || seat.feature != "PPLA" || seat.country != p.country ||
          seat.admin1 != p.admin1 || seat.name != p.name) {
        continue;
      }
      p.kind = PlaceKind::kCity;
      p.admin2 = std::string(seat.admin2);
      p.lat = seat.lat;
      p.lon = seat.lon;
      p.geonameid = seat.geonameid;
      p.approximate = seat.approximate;
      break;
    }
  }
}

}  // namespace

std::string ResolveDataDir(const std::string& configured) {
  if (!configured.empty()) return configured;
  if (const char* env = std::getenv("VIGIE_DATA_DIR"); env != nullptr && *env != '\0') return env;
  return VIGIE_DATA_DIR;
}

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::~Pipeline() = default;
Workspace::Workspace(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Workspace::~Workspace() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->options.data_dir = ResolveDataDir(options.data_dir);
  const std::string& data = impl->options.data_dir;
  if (!std::filesystem::is_directory(data)) {
    return NotFound(data + ": data directory not found (set --data-dir or VIGIE_DATA_DIR)");
  }

  auto text = internal::TextAnalyzer::Create({data});
  if (!text.ok()) return text.status();
  impl->text = std::move(text).value();

  std::string gazetteer_path = options.gazetteer_path;
  if (gazetteer_path.empty()) gazetteer_path = data + "/gazetteer/world.vgz";
  if (std::filesystem::exists(gazetteer_path)) {
    auto gazetteer = internal::Gazetteer::Open(gazetteer_path);
    if (!gazetteer.ok()) return gazetteer.status();
    impl->gazetteer = std::move(gazetteer).value();
  } else if (options.require_gazetteer) {
    return NotFound(gazetteer_path + ": no gazetteer (build it with `vigie gazetteer build`)");
  }

  auto geoparser = internal::Geoparser::Create({data}, impl->gazetteer.get());
  if (!geoparser.ok()) return geoparser.status();
  impl->geoparser = std::move(geoparser).value();

  auto extractor = internal::Extractor::Create({data, options.latest_year});
  if (!extractor.ok()) return extractor.status();
  impl->extractor = std::move(extractor).value();

  return std::unique_ptr<Pipeline>(new Pipeline(std::move(impl)));
}

std::unique_ptr<Workspace> Pipeline::NewWorkspace() const {
  return std::unique_ptr<Workspace>(new Workspace(std::make_unique<Workspace::Impl>()));
}

bool Pipeline::has_gazetteer() const {
  return impl_->gazetteer != nullptr;
}

Result<Analysis> Pipeline::Analyze(const Article& article, Workspace& workspace,
                                   const AnalyzeOptions& options) const {
  const std::string& where = article.where.empty() ? article.id : article.where;
  if (article.text.size() > impl_->options.max_article_bytes) {
    return TooLarge(where + ": text of " + std::to_string(article.text.size()) +
                    " bytes is over the cap of " +
                    std::to_string(impl_->options.max_article_bytes));
  }
  Workspace::Impl& ws = workspace.impl();
  internal::Document& doc = ws.doc;
  doc.Clear();
  Status status = impl_->text->Run(article.text, article.lang, &doc);
  if (!status.ok()) return Status(status.code(), where + ": " + status.message());

  ws.mentions.clear();
  impl_->geoparser->Run(doc, &ws.mentions);

  Analysis analysis;
  analysis.article = article.id;
  analysis.lang = internal::LangCode(doc.lang);
  analysis.published = article.published;
  internal::ExtractInput input;
  input.doc = &doc;
  input.places = &ws.mentions;
  input.published = article.published;
  input.explain = options.explain;
  impl_->extractor->Run(input, &analysis.events, &analysis.quotes);
  if (impl_->gazetteer != nullptr) {
    NameUnwrittenCountries(*impl_->gazetteer, ws.mentions, &analysis.events);
    CaptureTheSeat(*impl_->gazetteer, ws.mentions, &analysis.events);
  }

  analysis.places.reserve(ws.mentions.size());
  for (const internal::PlaceMention& m : ws.mentions) analysis.places.push_back(m.place);

  analysis.stats.bytes = static_cast<uint32_t>(article.text.size());
  analysis.stats.sentences = static_cast<uint32_t>(doc.sentences.size());
  analysis.stats.tokens = static_cast<uint32_t>(doc.tokens.size());
  for (size_t r = 0; r < doc.clean_counts.size(); ++r) {
    if (doc.clean_counts[r] == 0) continue;
    analysis.stats.cleaning.emplace_back(
        internal::CleanRuleName(static_cast<internal::CleanRule>(r)), doc.clean_counts[r]);
  }
  if (options.trace) analysis.trace = internal::BuildTrace(doc);
  return analysis;
}

}  // namespace vigie
