/*
 * metrics.h - the per-node metrics of ag_analyze (metrics.c).  Private.
 */
#ifndef AG_ANALYZE_METRICS_H
#define AG_ANALYZE_METRICS_H

#include "analyze/glue.h"

/* Compute and store every per-node metric: degree, strength (into c->str
 * too, for the communities), betweenness, closeness, harmonic, eigenvector,
 * PageRank, coreness, clustering.  Decides first whether the path metrics
 * are exact or sampled (c->sampled, c->n_sources).  c is built. */
int ag__analyze_metrics(ag__analyze_ctx *c);

/* The graph-level "metrics_info" record: how each metric was computed. */
int ag__analyze_metrics_info(const ag__analyze_ctx *c, json_t *attrs);

#endif
