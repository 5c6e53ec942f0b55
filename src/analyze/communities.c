/*
 * communities.c - community detection for ag_analyze: the method names, one
 * run of a method (Leiden, Louvain, label propagation, walktrap, infomap),
 * renumbering by size, consensus stability over several seeds, and the
 * "communities" record with each community's hub and its colour.
 *
 * The methods read link weight as tie strength.  Every run seeds igraph's
 * RNG, so the same graph and seed give the same communities.
 */
#include <math.h>
#include <stdlib.h>

#include "analyze/communities.h"

/* Walktrap random-walk length and infomap trials. */
#define AG_WALKTRAP_STEPS 4
#define AG_INFOMAP_TRIALS 10
/* Leiden randomness in the refinement step (igraph's and leidenalg's default). */
#define AG_LEIDEN_BETA 0.01

/* ---- method names ---- */

static const char *const method_names[] = {
	"leiden", "louvain", "label_propagation", "walktrap", "infomap", "none"};

int ag_community_method_parse(const char *name, ag_community_method *out)
{
	AG_CHECK_ARGS(name && out);
	for (size_t i = 0; i < sizeof(method_names) / sizeof(method_names[0]); i++) {
		if (strcmp(name, method_names[i]) == 0) {
			*out = (ag_community_method)i;
			return 0;
		}
	}
	if (strcmp(name, "label-propagation") == 0) {
		*out = AG_COMMUNITY_LABEL_PROPAGATION;
		return 0;
	}
	return ag__error(AG_EINVAL,
	                 "unknown community method \"%s\" (expected leiden, louvain, label_propagation, "
	                 "walktrap, infomap or none)", name);
}

const char *ag_community_method_name(ag_community_method m)
{
	if ((unsigned)m < sizeof(method_names) / sizeof(method_names[0]))
		return method_names[m];
	return "unknown";
}

/* ---- one run, renumbering, consensus ---- */

/* One run of the community method with the given seed; *membership gets a
 * community per node (any numbering). */
static int run_communities(ag__analyze_ctx *c, ag_community_method method, unsigned long seed,
                           igraph_vector_int_t *membership)
{
	int rc = 0;

	IG_TRY("communities", igraph_vector_int_resize(membership, c->n));
	if (c->m == 0) {
		/* Nothing to cluster: every node on its own. */
		for (igraph_integer_t i = 0; i < c->n; i++)
			VECTOR(*membership)[i] = i;
		return 0;
	}
	ag__analyze_seed_rng(seed);
	switch (method) {
	case AG_COMMUNITY_LEIDEN: {
		/* Modularity through the CPM objective: node weights = strength and
		 * resolution gamma/(2W) give sum_ij (A_ij - gamma k_i k_j / 2W),
		 * i.e. 2W times modularity.  n_iterations < 0: iterate until an
		 * iteration changes nothing. */
		igraph_integer_t nb;
		igraph_real_t quality;
		IG_TRY("leiden", igraph_community_leiden(&c->graph, &c->w, &c->str,
		                                         c->opts->resolution / (2.0 * c->total_w), AG_LEIDEN_BETA,
		                                         false, -1, membership, &nb, &quality));
		break;
	}
	case AG_COMMUNITY_LOUVAIN:
		IG_TRY("louvain", igraph_community_multilevel(&c->graph, &c->w, c->opts->resolution, membership,
		                                              NULL, NULL));
		break;
	case AG_COMMUNITY_LABEL_PROPAGATION:
		/* igraph 0.10.2 rounds weights to integers: c->invw (no longer needed
		 * for distances) holds weights scaled by label_scale. */
		IG_TRY("label propagation", igraph_community_label_propagation(&c->graph, membership, IGRAPH_ALL,
		                                                               &c->invw, NULL, NULL));
		break;
	case AG_COMMUNITY_WALKTRAP: {
		/* 0.10.2 cannot compute the membership unless it is given both
		 * the merges and the modularity vector. */
		igraph_vector_t q;
		igraph_matrix_int_t merges;
		igraph_error_t err;
		IG_TRY("walktrap", igraph_vector_init(&q, 0));
		if ((err = igraph_matrix_int_init(&merges, 0, 0)) == IGRAPH_SUCCESS) {
			err = igraph_community_walktrap(&c->graph, &c->w, AG_WALKTRAP_STEPS, &merges, &q, membership);
			igraph_matrix_int_destroy(&merges);
		}
		igraph_vector_destroy(&q);
		IG_TRY("walktrap", err);
		break;
	}
	case AG_COMMUNITY_INFOMAP: {
		igraph_real_t codelength;
		IG_TRY("infomap", igraph_community_infomap(&c->graph, &c->w, NULL, AG_INFOMAP_TRIALS, membership,
		                                           &codelength));
		break;
	}
	default:
		return ag__error(AG_EINVAL, "unknown community method %d", (int)method);
	}
cleanup:
	return rc;
}

typedef struct {
	igraph_integer_t raw;  /* community id as the method gave it */
	igraph_integer_t size;
	igraph_integer_t first; /* member with the smallest node id (string order) */
} ag_comm_rank;

static const ag_graph *rank_graph; /* for cmp_rank; only used under igraph_lock */

static int cmp_rank(const void *pa, const void *pb)
{
	const ag_comm_rank *a = pa, *b = pb;
	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	return strcmp(rank_graph->nodes[a->first].id, rank_graph->nodes[b->first].id);
}

/* Renumber in place: 0 is the largest community, ties broken by the
 * smallest member id; *count gets the number of communities. */
static int renumber(ag__analyze_ctx *c, igraph_vector_int_t *membership, igraph_integer_t *count)
{
	ag_comm_rank *rank = NULL;
	igraph_integer_t *map = NULL, k = 0;
	int rc = 0;

	rank = malloc((size_t)c->n * sizeof(*rank) + 1);
	map = malloc((size_t)c->n * sizeof(*map) + 1);
	if (!rank || !map) {
		rc = ag__enomem();
		goto cleanup;
	}
	for (igraph_integer_t i = 0; i < c->n; i++)
		map[i] = -1;
	for (igraph_integer_t i = 0; i < c->n; i++) {
		igraph_integer_t r = VECTOR(*membership)[i];
		if (r < 0 || r >= c->n) {
			rc = ag__error(AG_ERROR, "igraph: community id %" IGRAPH_PRId " out of range", r);
			goto cleanup;
		}
		if (map[r] < 0) {
			map[r] = k;
			rank[k].raw = r;
			rank[k].size = 0;
			rank[k].first = i;
			k++;
		}
		rank[map[r]].size++;
		if (strcmp(c->g->nodes[i].id, c->g->nodes[rank[map[r]].first].id) < 0)
			rank[map[r]].first = i;
	}
	rank_graph = c->g;
	qsort(rank, (size_t)k, sizeof(*rank), cmp_rank);
	for (igraph_integer_t j = 0; j < k; j++)
		map[rank[j].raw] = j;
	for (igraph_integer_t i = 0; i < c->n; i++)
		VECTOR(*membership)[i] = map[VECTOR(*membership)[i]];
	*count = k;
cleanup:
	free(rank);
	free(map);
	return rc;
}

/*
 * Consensus stability.  For node v with reference community C (the main
 * run, seed s), over the K runs r with seeds s, s+1, ..., s+K-1:
 *   stability(v) = mean_r |{u in C : comm_r(u) == comm_r(v)}| / |C|
 * i.e. the share of v's reference community that stays with v, averaged
 * over the runs.  1.0 means v's community never splits around it.
 */
static int consensus(ag__analyze_ctx *c, const igraph_vector_int_t *ref, igraph_integer_t ncomm,
                     igraph_vector_int_t *run, double *stab)
{
	size_t k = c->opts->consensus;
	igraph_integer_t *size = NULL;
	ag_u64map pairs = {0};
	int rc = 0;

	if (!(size = calloc((size_t)ncomm + 1, sizeof(*size))))
		return ag__enomem();
	for (igraph_integer_t i = 0; i < c->n; i++) {
		size[VECTOR(*ref)[i]]++;
		stab[i] = 0.0;
	}
	for (size_t r = 0; r < k; r++) {
		ag__analyze_progress(c, "consensus", (int)(100 * r / k));
		if ((rc = run_communities(c, c->opts->communities, c->opts->seed + (unsigned long)r, run)) < 0)
			goto cleanup;
		ag__u64map_clear(&pairs);
		/* count members per (reference community, run community) pair */
		for (igraph_integer_t i = 0; i < c->n; i++) {
			uint64_t key = ((uint64_t)VECTOR(*ref)[i] << 32) | (uint64_t)(uint32_t)VECTOR(*run)[i];
			size_t have = 0;
			ag__u64map_get(&pairs, key, &have);
			if ((rc = ag__u64map_put(&pairs, key, have + 1)) < 0)
				goto cleanup;
		}
		for (igraph_integer_t i = 0; i < c->n; i++) {
			uint64_t key = ((uint64_t)VECTOR(*ref)[i] << 32) | (uint64_t)(uint32_t)VECTOR(*run)[i];
			size_t have = 0;
			ag__u64map_get(&pairs, key, &have);
			stab[i] += (double)have / (double)size[VECTOR(*ref)[i]];
		}
	}
	for (igraph_integer_t i = 0; i < c->n; i++)
		stab[i] /= (double)k;
cleanup:
	ag__u64map_free(&pairs);
	free(size);
	return rc;
}

/* Weights for label propagation, which rounds them to integers in 0.10.2:
 * the smallest becomes 1000 (or less if the largest would pass 1e12). */
static void label_weights(ag__analyze_ctx *c)
{
	double lo = INFINITY, hi = 0, scale;
	for (igraph_integer_t j = 0; j < c->m; j++) {
		double w = VECTOR(c->w)[j];
		lo = w < lo ? w : lo;
		hi = w > hi ? w : hi;
	}
	scale = 1000.0 / lo;
	if (hi * scale > 1e12)
		scale = 1e12 / hi;
	for (igraph_integer_t j = 0; j < c->m; j++) {
		double s = round(VECTOR(c->w)[j] * scale);
		VECTOR(c->invw)[j] = s < 1 ? 1 : s;
	}
}

/* ---- the driver's entry points ---- */

int ag__analyze_communities(ag__analyze_ctx *c)
{
	const ag_analyze_options *opts = c->opts;
	int rc = 0;

	/* The distances are no longer needed: invw may now hold the label
	 * propagation weights. */
	if (opts->communities == AG_COMMUNITY_LABEL_PROPAGATION && c->m > 0)
		label_weights(c);
	if (opts->communities != AG_COMMUNITY_NONE) {
		ag__analyze_progress(c, ag_community_method_name(opts->communities), -1);
		if ((rc = run_communities(c, opts->communities, opts->seed, &c->membership)) < 0 ||
		    (rc = renumber(c, &c->membership, &c->ncomm)) < 0)
			goto cleanup;
		if (c->m > 0)
			IG_TRY("modularity", igraph_modularity(&c->graph, &c->membership, &c->w, opts->resolution,
			                                        IGRAPH_UNDIRECTED, &c->modularity));
		if (opts->consensus > 1) {
			if (!(c->stab = malloc((size_t)c->n * sizeof(*c->stab) + 1))) {
				rc = ag__enomem();
				goto cleanup;
			}
			if ((rc = consensus(c, &c->membership, c->ncomm, &c->run, c->stab)) < 0)
				goto cleanup;
		}
	}
cleanup:
	return rc;
}

/* ---- the "communities" record ---- */

/*
 * The colour of a community, assigned here once so that every picture of
 * the graph (the overview, any cut, the viewer, a notebook) fills it the
 * same: by id, which is the size rank.  Paul Tol's "light" scheme
 * (colour-blind safe, dark text legible on it) for ids 0-7; past it the
 * same colours again with a pattern: 8-15 a double border, 16-23 half
 * filled, 24-31 both; from 32 the cycle repeats.  A community of one node
 * is white ("alone"), whatever its id.  The renderer's fallback for graphs
 * without this record follows the same rule by id (src/render/style.c; a
 * unit test checks that the two agree).
 */
static const char *const palette[8] = {
	"#77AADD", "#EE8866", "#44BB99", "#FFAABB", "#EEDD88", "#99DDFF", "#BBCC33", "#AAAA00",
};
static const char *const patterns[4] = {"solid", "double", "half", "half,double"};

static void community_look(igraph_integer_t id, igraph_integer_t size, const char **color, const char **pattern)
{
	if (size < 2) {
		*color = "#FFFFFF";
		*pattern = "solid";
		return;
	}
	*color = palette[id % 8];
	*pattern = patterns[(id / 8) % 4];
}

/* "communities": [{"id", "size", "hub", "hub_label", "color", "pattern"}]
 * with hub the member of highest strength (ties: smallest id). */
int ag__analyze_communities_attr(const ag__analyze_ctx *c, json_t *attrs)
{
	igraph_integer_t ncomm = c->ncomm;
	const igraph_vector_int_t *membership = &c->membership;
	igraph_integer_t *size = NULL, *hub = NULL;
	json_t *arr = NULL;
	int rc = 0;

	size = calloc((size_t)ncomm + 1, sizeof(*size));
	hub = malloc(((size_t)ncomm + 1) * sizeof(*hub));
	if (!size || !hub) {
		rc = ag__enomem();
		goto cleanup;
	}
	for (igraph_integer_t j = 0; j < ncomm; j++)
		hub[j] = -1;
	for (igraph_integer_t i = 0; i < c->n; i++) {
		igraph_integer_t k = VECTOR(*membership)[i], h = hub[k];
		size[k]++;
		if (h < 0 || VECTOR(c->str)[i] > VECTOR(c->str)[h] ||
		    (VECTOR(c->str)[i] == VECTOR(c->str)[h] && strcmp(c->g->nodes[i].id, c->g->nodes[h].id) < 0))
			hub[k] = i;
	}
	if (!(arr = json_array())) {
		rc = ag__enomem();
		goto cleanup;
	}
	for (igraph_integer_t j = 0; j < ncomm; j++) {
		const ag_node *h = &c->g->nodes[hub[j]];
		const char *id = h->id, *color, *pattern;
		char *end;
		long long num = strtoll(id, &end, 10);
		json_t *o;

		community_look(j, size[j], &color, &pattern);
		/* the hub id as the node ids are written: integers when all were;
		 * its label too, so that a cut without the hub can still name it */
		o = json_pack("{sIsIsossssss}", "id", (json_int_t)j, "size", (json_int_t)size[j], "hub",
		              c->g->numeric_ids && *id && !*end ? json_integer((json_int_t)num) : json_string(id),
		              "hub_label", h->label ? h->label : id, "color", color, "pattern", pattern);
		if (!o || json_array_append_new(arr, o) < 0) {
			rc = ag__enomem();
			goto cleanup;
		}
	}
	rc = ag__analyze_set_attr(attrs, "communities", arr);
	arr = NULL;
cleanup:
	json_decref(arr);
	free(size);
	free(hub);
	return rc;
}
