/*
 * communities.h - community detection for ag_analyze (communities.c).  Private.
 */
#ifndef AG_ANALYZE_COMMUNITIES_H
#define AG_ANALYZE_COMMUNITIES_H

#include "analyze/glue.h"

/* Detect communities with opts->communities (nothing for AG_COMMUNITY_NONE):
 * c->membership numbered by size (0 the largest, ties by smallest member
 * id), c->ncomm, c->modularity, and with opts->consensus > 1 the stability
 * per node in c->stab.  Needs c->str (the metrics' strength); may overwrite
 * c->invw, so it runs after the path metrics. */
int ag__analyze_communities(ag__analyze_ctx *c);

/* The graph-level "communities" record: [{"id", "size", "hub", "hub_label",
 * "color", "pattern"}], the colour and pattern by id (see communities.c). */
int ag__analyze_communities_attr(const ag__analyze_ctx *c, json_t *attrs);

#endif
