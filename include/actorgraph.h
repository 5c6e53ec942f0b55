/*
 * actorgraph.h - turn news reports into a weighted graph of who deals with
 * whom, measure it, and draw it.  Include this one header.
 *
 *   texts -> ag_reader -> ag_extractor -> ag_graph -> ag_analyze -> ag_graph_to_json / _dot / ag_graph_render
 */
#ifndef ACTORGRAPH_H
#define ACTORGRAPH_H

#include "actorgraph/common.h"
#include "actorgraph/graph.h"
#include "actorgraph/ingest.h"
#include "actorgraph/gazetteer.h"
#include "actorgraph/extract.h"
#include "actorgraph/analyze.h"
#include "actorgraph/filter.h"
#include "actorgraph/timeline.h"
#include "actorgraph/export.h"

#endif
