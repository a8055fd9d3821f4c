#include "store/acled.h"

#include "store/keys.h"

namespace vigie::internal {

namespace {

struct TypeRow {
  const char* type;
  AcledType acled;
  const char* by_state;  // the sub-event when the state's own forces act; null: the same
};

constexpr TypeRow kTypes[] = {
    {"capture", {"Battles", "Non-state actor overtakes territory"}, "Government regains territory"},
    {"attack", {"Battles", "Armed clash"}, nullptr},
    {"strike", {"Explosions/Remote violence", "Shelling/artillery/missile attack"}, nullptr},
    {"civilian_harm", {"Violence against civilians", "Attack"}, nullptr},
    {"withdrawal", {"Strategic developments", "Other"}, nullptr},
    {"surrender", {"Strategic developments", "Non-violent transfer of territory"}, nullptr},
    {"displacement", {"Strategic developments", "Other"}, nullptr},
    {"negotiation", {"Strategic developments", "Agreement"}, nullptr},
    {"protest", {"Protests", "Peaceful protest"}, nullptr},
    {"threat", {"Strategic developments", "Other"}, nullptr},
};

// Government forces by the name key of their canonical actor name (data/rules/*/actors.tsv), with
// the country they are the state of and, for a side that became the government, since when.
// An empty country: the generic names, the state of wherever the dispatch is. Foreign forces
// ("US forces" in Afghanistan, "Russian forces" in Ukraine) count as ACLED counts them, as
// non-state overtaking territory, so only the forces of the event's own country are listed.
struct StateForce {
  const char* key;
  const char* country;
  const char* since;
};

constexpr StateForce kStateForces[] = {
    {"afghan forces", "AF", ""},
    {"afghan government", "AF", ""},
    {"taliban", "AF", "2021-08-16"},
    {"russian forces", "RU", ""},
    {"ukrainian forces", "UA", ""},
    {"ethiopian forces", "ET", ""},
    {"malian forces", "ML", ""},
    {"burkinabe forces", "BF", ""},
    {"congolese forces", "CD", ""},
    {"myanmar military", "MM", ""},
    {"israel", "IL", ""},
    {"us forces", "US", ""},
    {"french forces", "FR", ""},
    {"german forces", "DE", ""},
    {"army", "", ""},
    {"troops", "", ""},
    {"police", "", ""},
};

}  // namespace

bool IsStateForce(std::string_view actor, std::string_view country, std::string_view day) {
  const std::string key = NameKey(actor);
  for (const StateForce& s : kStateForces) {
    if (key != s.key) continue;
    if (*s.country != '\0' && country != s.country) return false;
    return *s.since == '\0' || (!day.empty() && day >= s.since);
  }
  return false;
}

AcledType AcledTypeOf(std::string_view type, std::string_view actor, std::string_view country,
                      std::string_view day) {
  for (const TypeRow& row : kTypes) {
    if (type != row.type) continue;
    if (row.by_state != nullptr && IsStateForce(actor, country, day)) {
      return {row.acled.event_type, row.by_state};
    }
    return row.acled;
  }
  return {nullptr, ""};
}

}  // namespace vigie::internal
