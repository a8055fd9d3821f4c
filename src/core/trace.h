// Builds the --debug view of a Document's text stages, in original offsets.
#ifndef VIGIE_CORE_TRACE_H_
#define VIGIE_CORE_TRACE_H_

#include "text/document.h"
#include "vigie/analysis.h"

namespace vigie::internal {

TextTrace BuildTrace(const Document& doc);

}  // namespace vigie::internal

#endif  // VIGIE_CORE_TRACE_H_
