#include "vigie/analysis.h"

namespace vigie {

const char* PlaceKindName(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kUnknown:
      return "unknown";
    case PlaceKind::kCountry:
      return "country";
    case PlaceKind::kAdmin1:
      return "admin1";
    case PlaceKind::kAdmin2:
      return "admin2";
    case PlaceKind::kCity:
      return "city";
    case PlaceKind::kSite:
      return "site";
  }
  return "unknown";
}

const char* DateBasisName(DateBasis basis) {
  switch (basis) {
    case DateBasis::kNone:
      return "none";
    case DateBasis::kText:
      return "text";
    case DateBasis::kPublication:
      return "publication";
    case DateBasis::kInferred:
      return "inferred";
  }
  return "none";
}

const char* EventStatusName(EventStatus status) {
  switch (status) {
    case EventStatus::kAsserted:
      return "asserted";
    case EventStatus::kReported:
      return "reported";
    case EventStatus::kClaimed:
      return "claimed";
    case EventStatus::kRumored:
      return "rumored";
    case EventStatus::kUncertain:
      return "uncertain";
    case EventStatus::kDenied:
      return "denied";
    case EventStatus::kPlanned:
      return "planned";
    case EventStatus::kNegated:
      return "negated";
  }
  return "asserted";
}

}  // namespace vigie
