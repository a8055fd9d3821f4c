// ACLED's names for Vigie's event types, for the CSV export. ACLED tells a government retaking
// ground from any other side taking it by who the actor is: "Government regains territory" when
// the state's own forces take a place in their country, "Non-state actor overtakes territory"
// when rebels, militias or a foreign state's forces do.
#ifndef VIGIE_STORE_ACLED_H_
#define VIGIE_STORE_ACLED_H_

#include <string>
#include <string_view>

namespace vigie::internal {

struct AcledType {
  const char* event_type;
  const char* sub_event_type;
};

// `actor` and `country` (ISO 3166-1 alpha-2) of the event, `day` its earliest ISO day (may be
// empty). A type ACLED has no name for gives {nullptr, ""}.
AcledType AcledTypeOf(std::string_view type, std::string_view actor, std::string_view country,
                      std::string_view day);

// True when `actor` (a canonical name as the pipeline writes it) is the government force of
// `country` on `day`: "Afghan forces" in AF, "army" or "police" anywhere (a dispatch's bare
// "the army" is the army of the country it is in), the Taliban in AF from 16 August 2021,
// the day after they took Kabul.
bool IsStateForce(std::string_view actor, std::string_view country, std::string_view day);

}  // namespace vigie::internal

#endif  // VIGIE_STORE_ACLED_H_
