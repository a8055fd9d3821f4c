// Corroboration: mentions of the same real-world event in several articles become one MergedEvent.
// Two mentions are of one event when they have the same type, places that are the same (same
// gazetteer entry, same admin2, or towns within merge_km), actors that do not contradict each
// other, and date ranges that overlap. "Les talibans ont pris Kunduz dimanche" in one paper and
// "Kunduz fell to the Taliban on Sunday" in another merge; a government retake of Kunduz a week
// later stays a separate event, and so does the capture of Kunduz province.
#ifndef VIGIE_STORE_CORROBORATION_H_
#define VIGIE_STORE_CORROBORATION_H_

#include <span>
#include <string>
#include <vector>

#include "vigie/store.h"

namespace vigie::internal {

struct CorroborationOptions {
  double merge_km = 10;
  int date_slack_days = 1;
  int corroborate_sources = 3;
};

// The merged status of a set of mentions: "disputed" when some assert, report, claim or rumour
// it and others deny it; "corroborated" when at least `corroborate_sources` independent sources
// assert, report or claim it; otherwise the strongest status among them (asserted > reported >
// claimed > rumored > uncertain > planned > denied > negated).
std::string MergedStatus(std::span<const Mention> mentions, int corroborate_sources);

// Groups mentions into merged events. The result depends only on the set of mentions, not on the
// order they were stored in: mentions are taken in order of (article, ordinal).
std::vector<MergedEvent> Corroborate(std::vector<Mention> mentions,
                                     const CorroborationOptions& options);

// "E" + hex of a hash of the first mention's article and ordinal.
std::string MergedEventId(const Mention& first);

}  // namespace vigie::internal

#endif  // VIGIE_STORE_CORROBORATION_H_
