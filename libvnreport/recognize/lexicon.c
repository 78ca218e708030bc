/*
 * lexicon.c — recognize stage: the vocabulary tables of lexicon.def and their index: word ids, phrase look-ups (longest phrase at / ending at a token), built once per process.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

const trigger_entry triggers[] = {
#define TRIGGER(p, k, s) { p, k, s },
#include "lexicon.def"
#undef TRIGGER
};
const baseline_entry baselines[] = {
#define BASELINE(p, c) { p, c },
#include "lexicon.def"
#undef BASELINE
};
const baseline_entry plan_words[] = {
#define PLAN_WORD(p, c) { p, c },
#include "lexicon.def"
#undef PLAN_WORD
};
const qualifier_entry qualifiers[] = {
#define QUALIFIER(p, q) { p, q },
#include "lexicon.def"
#undef QUALIFIER
};
const qualifier_entry qualifiers_after[] = {
#define QUALIFIER_AFTER(p, q) { p, q },
#include "lexicon.def"
#undef QUALIFIER_AFTER
};
const estimate_entry estimates[] = {
#define ESTIMATE(p, forecast) { p, forecast },
#include "lexicon.def"
#undef ESTIMATE
};
const word_entry fillers[] = {
#define FILLER(p) { p },
#include "lexicon.def"
#undef FILLER
};
const non_indicator_entry non_indicators[] = {
#define NON_INDICATOR(p, f, w) { p, f, w },
#include "lexicon.def"
#undef NON_INDICATOR
};
const word_entry not_nouns[] = {
#define NOT_A_NOUN(p) { p },
#include "lexicon.def"
#undef NOT_A_NOUN
};
const word_entry count_nouns[] = {
#define COUNT_NOUN(p) { p },
#include "lexicon.def"
#undef COUNT_NOUN
};


const word_entry amount_words[] = {
#define AMOUNT_WORD(p) { p },
#include "lexicon.def"
#undef AMOUNT_WORD
};
const coded_entry periods_after[] = {
#define PERIOD_AFTER(p, f) { p, f },
#include "lexicon.def"
#undef PERIOD_AFTER
};
const word_entry time_words[] = {
#define TIME_WORD(p) { p },
#include "lexicon.def"
#undef TIME_WORD
};
const word_entry classifiers[] = {
#define CLASSIFIER(p) { p },
#include "lexicon.def"
#undef CLASSIFIER
};
const target_cue_entry target_cues[] = {
#define TARGET_CUE(p, n, s) { p, n, s },
#include "lexicon.def"
#undef TARGET_CUE
};
const word_entry target_cue_nots[] = {
#define TARGET_CUE_NOT(p) { p },
#include "lexicon.def"
#undef TARGET_CUE_NOT
};
const word_entry target_cue_stops[] = {
#define TARGET_CUE_STOP(p) { p },
#include "lexicon.def"
#undef TARGET_CUE_STOP
};
const word_entry gap_words[] = {
#define GAP_WORD(p) { p },
#include "lexicon.def"
#undef GAP_WORD
};
const word_entry range_opens[] = {
#define RANGE_OPEN(p) { p },
#include "lexicon.def"
#undef RANGE_OPEN
};
const word_entry range_words[] = {
#define RANGE_WORD(p) { p },
#include "lexicon.def"
#undef RANGE_WORD
};
const word_entry share_words[] = {
#define SHARE_WORD(p) { p },
#include "lexicon.def"
#undef SHARE_WORD
};
const word_entry plan_structure[] = {
#define PLAN_STRUCTURE(p) { p },
#include "lexicon.def"
#undef PLAN_STRUCTURE
};
const compare_entry compare_words[] = {
#define COMPARE_WORD(p, full) { p, full },
#include "lexicon.def"
#undef COMPARE_WORD
};
const word_entry count_noun_stops[] = {
#define COUNT_NOUN_STOP(p) { p },
#include "lexicon.def"
#undef COUNT_NOUN_STOP
};
const date_word_entry date_words[] = {
#define DATE_WORD(p, before, after) { p, before, after },
#include "lexicon.def"
#undef DATE_WORD
};
const unit_kind_entry unit_kinds[] = {
#define UNIT_KIND(p, k) { p, k },
#include "lexicon.def"
#undef UNIT_KIND
};
const word_entry rate_words[] = {
#define RATE_WORD(p) { p },
#include "lexicon.def"
#undef RATE_WORD
};
const word_entry growth_words[] = {
#define GROWTH_WORD(p) { p },
#include "lexicon.def"
#undef GROWTH_WORD
};
const word_entry growth_holders[] = {
#define GROWTH_HOLDER(p) { p },
#include "lexicon.def"
#undef GROWTH_HOLDER
};
const word_entry measure_intos[] = {
#define MEASURE_INTO(p) { p },
#include "lexicon.def"
#undef MEASURE_INTO
};
const word_entry value_aspects[] = {
#define VALUE_ASPECT(p) { p },
#include "lexicon.def"
#undef VALUE_ASPECT
};
const word_entry aspect_heads[] = {
#define ASPECT_HEAD(p) { p },
#include "lexicon.def"
#undef ASPECT_HEAD
};
const word_entry count_heads[] = {
#define COUNT_HEAD(p) { p },
#include "lexicon.def"
#undef COUNT_HEAD
};
const word_entry trigger_names[] = {
#define TRIGGER_NAME(p) { p },
#include "lexicon.def"
#undef TRIGGER_NAME
};
const word_entry topic_leads[] = {
#define TOPIC_LEAD(p) { p },
#include "lexicon.def"
#undef TOPIC_LEAD
};
const word_entry sector_heads[] = {
#define SECTOR_HEAD(p) { p },
#include "lexicon.def"
#undef SECTOR_HEAD
};
const period_link_entry period_links[] = {
#define PERIOD_LINK(p, shared) { p, shared },
#include "lexicon.def"
#undef PERIOD_LINK
};
const word_entry event_verbs[] = {
#define EVENT_VERB(p) { p },
#include "lexicon.def"
#undef EVENT_VERB
};
const word_entry entity_withs[] = {
#define ENTITY_WITH(p) { p },
#include "lexicon.def"
#undef ENTITY_WITH
};
const word_entry entity_leads[] = {
#define ENTITY_LEAD(p) { p },
#include "lexicon.def"
#undef ENTITY_LEAD
};
const word_entry entity_ranks[] = {
#define ENTITY_RANK(p) { p },
#include "lexicon.def"
#undef ENTITY_RANK
};
const word_entry negations[] = {
#define NEGATION(p) { p },
#include "lexicon.def"
#undef NEGATION
};
const word_entry review_cues[] = {
#define REVIEW_CUE(p) { p },
#include "lexicon.def"
#undef REVIEW_CUE
};
const word_entry example_leads[] = {
#define EXAMPLE_LEAD(p) { p },
#include "lexicon.def"
#undef EXAMPLE_LEAD
};
const word_entry report_verbs[] = {
#define REPORT_VERB(p) { p },
#include "lexicon.def"
#undef REPORT_VERB
};
const word_entry output_measures[] = {
#define OUTPUT_MEASURE(p) { p },
#include "lexicon.def"
#undef OUTPUT_MEASURE
};
const link_word_entry link_words[] = {
#define LINK_WORD(p, kind) { p, kind },
#include "lexicon.def"
#undef LINK_WORD
};
const word_entry place_leads[] = {
#define PLACE_LEAD(p) { p },
#include "lexicon.def"
#undef PLACE_LEAD
};
const word_entry admin_units[] = {
#define ADMIN_UNIT(p) { p },
#include "lexicon.def"
#undef ADMIN_UNIT
};
const word_entry list_cues[] = {
#define LIST_CUE(p) { p },
#include "lexicon.def"
#undef LIST_CUE
};
const word_entry measure_references[] = {
#define MEASURE_REFERENCE(p) { p },
#include "lexicon.def"
#undef MEASURE_REFERENCE
};

const word_entry outcome_names[] = {
#define OUTCOME_NAME(p) { p },
#include "lexicon.def"
#undef OUTCOME_NAME
};

const word_entry place_references[] = {
#define PLACE_REFERENCE(p) { p },
#include "lexicon.def"
#undef PLACE_REFERENCE
};

const word_entry place_list_cues[] = {
#define PLACE_LIST_CUE(p) { p },
#include "lexicon.def"
#undef PLACE_LIST_CUE
};
const word_entry empty_phrases[] = {
#define EMPTY_PHRASE(p) { p },
#include "lexicon.def"
#undef EMPTY_PHRASE
};
const word_entry fraction_links[] = {
#define FRACTION_LINK(p) { p },
#include "lexicon.def"
#undef FRACTION_LINK
};
const word_entry list_quantifiers[] = {
#define LIST_QUANTIFIER(p) { p },
#include "lexicon.def"
#undef LIST_QUANTIFIER
};
const word_entry respective_words[] = {
#define RESPECTIVE_WORD(p) { p },
#include "lexicon.def"
#undef RESPECTIVE_WORD
};
const word_entry year_to_date_words[] = {
#define YEAR_TO_DATE_WORD(p) { p },
#include "lexicon.def"
#undef YEAR_TO_DATE_WORD
};
const word_entry aside_measures[] = {
#define ASIDE_MEASURE(p) { p },
#include "lexicon.def"
#undef ASIDE_MEASURE
};
const word_entry rate_bases[] = {
#define RATE_BASE(p) { p },
#include "lexicon.def"
#undef RATE_BASE
};
const word_entry list_members[] = {
#define LIST_MEMBER(p) { p },
#include "lexicon.def"
#undef LIST_MEMBER
};
const word_entry empty_labels[] = {
#define EMPTY_LABEL(p) { p },
#include "lexicon.def"
#undef EMPTY_LABEL
};
const word_entry label_scopes[] = {
#define LABEL_SCOPE(p) { p },
#include "lexicon.def"
#undef LABEL_SCOPE
};
const word_entry clause_links[] = {
#define CLAUSE_LINK(p) { p },
#include "lexicon.def"
#undef CLAUSE_LINK
};
const word_entry label_nots[] = {
#define LABEL_NOT(p) { p },
#include "lexicon.def"
#undef LABEL_NOT
};
const word_entry clause_leads[] = {
#define CLAUSE_LEAD(p) { p },
#include "lexicon.def"
#undef CLAUSE_LEAD
};
const word_entry measure_heads[] = {
#define MEASURE_HEAD(p) { p },
#include "lexicon.def"
#undef MEASURE_HEAD
};
const word_entry plan_givers[] = {
#define PLAN_GIVER(p) { p },
#include "lexicon.def"
#undef PLAN_GIVER
};
const baseline_entry budget_givers[] = {
#define BUDGET_GIVER(p, id) { p, id },
#include "lexicon.def"
#undef BUDGET_GIVER
};
const word_entry breakdown_words[] = {
#define BREAKDOWN_WORD(p) { p },
#include "lexicon.def"
#undef BREAKDOWN_WORD
};
const word_entry total_heads[] = {
#define TOTAL_HEAD(p) { p },
#include "lexicon.def"
#undef TOTAL_HEAD
};
const word_entry generic_measures[] = {
#define GENERIC_MEASURE(p) { p },
#include "lexicon.def"
#undef GENERIC_MEASURE
};
const word_entry sibling_links[] = {
#define SIBLING_LINK(p) { p },
#include "lexicon.def"
#undef SIBLING_LINK
};
const word_entry elliptic_measures[] = {
#define ELLIPTIC_MEASURE(p) { p },
#include "lexicon.def"
#undef ELLIPTIC_MEASURE
};
const word_entry measure_tails[] = {
#define MEASURE_TAIL(p) { p },
#include "lexicon.def"
#undef MEASURE_TAIL
};
const word_entry measure_nouns[] = {
#define MEASURE_NOUN(p) { p },
#include "lexicon.def"
#undef MEASURE_NOUN
};
const baseline_code_entry baseline_codes[BL_COUNT] = {
#define BASELINE_CODE(id, code, flags) [id] = { code, flags },
#include "lexicon.def"
#undef BASELINE_CODE
};
const unsigned trigger_kind_flags[T_KIND_COUNT] = {
#define TRIGGER_KIND(kind, flags) [kind] = flags,
#include "lexicon.def"
#undef TRIGGER_KIND
};


/* A table as a strided array of phrases (every entry type starts with one). */
typedef struct table_view {
    const char *const *first;
    size_t stride, count;
} table_view;



#define TABLE_VIEW(t) { &(t)[0].phrase, sizeof *(t), COUNT_OF(t) }


static const table_view lex_tables[LT_COUNT] = {
    [LT_TRIGGERS] = TABLE_VIEW(triggers),
    [LT_BASELINES] = TABLE_VIEW(baselines),
    [LT_PLAN_WORDS] = TABLE_VIEW(plan_words),
    [LT_QUALIFIERS] = TABLE_VIEW(qualifiers),
    [LT_QUALIFIERS_AFTER] = TABLE_VIEW(qualifiers_after),
    [LT_ESTIMATES] = TABLE_VIEW(estimates),
    [LT_FILLERS] = TABLE_VIEW(fillers),
    [LT_NON_INDICATORS] = TABLE_VIEW(non_indicators),
    [LT_NOT_NOUNS] = TABLE_VIEW(not_nouns),
    [LT_COUNT_NOUNS] = TABLE_VIEW(count_nouns),
    [LT_AMOUNT_WORDS] = TABLE_VIEW(amount_words),
    [LT_PERIODS_AFTER] = TABLE_VIEW(periods_after),
    [LT_TIME_WORDS] = TABLE_VIEW(time_words),
    [LT_CLASSIFIERS] = TABLE_VIEW(classifiers),
    [LT_TARGET_CUES] = TABLE_VIEW(target_cues),
    [LT_TARGET_CUE_NOTS] = TABLE_VIEW(target_cue_nots),
    [LT_TARGET_CUE_STOPS] = TABLE_VIEW(target_cue_stops),
    [LT_GAP_WORDS] = TABLE_VIEW(gap_words),
    [LT_RANGE_OPENS] = TABLE_VIEW(range_opens),
    [LT_RANGE_WORDS] = TABLE_VIEW(range_words),
    [LT_SHARE_WORDS] = TABLE_VIEW(share_words),
    [LT_PLAN_STRUCTURE] = TABLE_VIEW(plan_structure),
    [LT_COMPARE_WORDS] = TABLE_VIEW(compare_words),
    [LT_COUNT_NOUN_STOPS] = TABLE_VIEW(count_noun_stops),
    [LT_DATE_WORDS] = TABLE_VIEW(date_words),
    [LT_UNIT_KINDS] = TABLE_VIEW(unit_kinds),
    [LT_RATE_WORDS] = TABLE_VIEW(rate_words),
    [LT_GROWTH_WORDS] = TABLE_VIEW(growth_words),
    [LT_GROWTH_HOLDERS] = TABLE_VIEW(growth_holders),
    [LT_LABEL_SCOPES] = TABLE_VIEW(label_scopes),
    [LT_MEASURE_INTOS] = TABLE_VIEW(measure_intos),
    [LT_VALUE_ASPECTS] = TABLE_VIEW(value_aspects),
    [LT_ASPECT_HEADS] = TABLE_VIEW(aspect_heads),
    [LT_COUNT_HEADS] = TABLE_VIEW(count_heads),
    [LT_TOPIC_LEADS] = TABLE_VIEW(topic_leads),
    [LT_TRIGGER_NAMES] = TABLE_VIEW(trigger_names),
    [LT_SECTOR_HEADS] = TABLE_VIEW(sector_heads),
    [LT_PERIOD_LINKS] = TABLE_VIEW(period_links),
    [LT_ENTITY_WITHS] = TABLE_VIEW(entity_withs),
    [LT_EVENT_VERBS] = TABLE_VIEW(event_verbs),
    [LT_ENTITY_LEADS] = TABLE_VIEW(entity_leads),
    [LT_ENTITY_RANKS] = TABLE_VIEW(entity_ranks),
    [LT_NEGATIONS] = TABLE_VIEW(negations),
    [LT_REVIEW_CUES] = TABLE_VIEW(review_cues),
    [LT_EXAMPLE_LEADS] = TABLE_VIEW(example_leads),
    [LT_REPORT_VERBS] = TABLE_VIEW(report_verbs),
    [LT_OUTPUT_MEASURES] = TABLE_VIEW(output_measures),
    [LT_PLACE_LEADS] = TABLE_VIEW(place_leads),
    [LT_LINK_WORDS] = TABLE_VIEW(link_words),
    [LT_ADMIN_UNITS] = TABLE_VIEW(admin_units),
    [LT_LIST_CUES] = TABLE_VIEW(list_cues),
    [LT_PLACE_LIST_CUES] = TABLE_VIEW(place_list_cues),
    [LT_PLACE_REFERENCES] = TABLE_VIEW(place_references),
    [LT_OUTCOME_NAMES] = TABLE_VIEW(outcome_names),
    [LT_MEASURE_REFERENCES] = TABLE_VIEW(measure_references),
    [LT_LIST_QUANTIFIERS] = TABLE_VIEW(list_quantifiers),
    [LT_RESPECTIVE_WORDS] = TABLE_VIEW(respective_words),
    [LT_RATE_BASES] = TABLE_VIEW(rate_bases),
    [LT_ASIDE_MEASURES] = TABLE_VIEW(aside_measures),
    [LT_YEAR_TO_DATE_WORDS] = TABLE_VIEW(year_to_date_words),
    [LT_FRACTION_LINKS] = TABLE_VIEW(fraction_links),
    [LT_EMPTY_PHRASES] = TABLE_VIEW(empty_phrases),
    [LT_LIST_MEMBERS] = TABLE_VIEW(list_members),
    [LT_EMPTY_LABELS] = TABLE_VIEW(empty_labels),
    [LT_CLAUSE_LINKS] = TABLE_VIEW(clause_links),
    [LT_LABEL_NOTS] = TABLE_VIEW(label_nots),
    [LT_CLAUSE_LEADS] = TABLE_VIEW(clause_leads),
    [LT_MEASURE_HEADS] = TABLE_VIEW(measure_heads),
    [LT_BREAKDOWN_WORDS] = TABLE_VIEW(breakdown_words),
    [LT_TOTAL_HEADS] = TABLE_VIEW(total_heads),
    [LT_GENERIC_MEASURES] = TABLE_VIEW(generic_measures),
    [LT_SIBLING_LINKS] = TABLE_VIEW(sibling_links),
    [LT_MEASURE_NOUNS] = TABLE_VIEW(measure_nouns),
    [LT_PLAN_GIVERS] = TABLE_VIEW(plan_givers),
    [LT_BUDGET_GIVERS] = TABLE_VIEW(budget_givers),
    [LT_ELLIPTIC_MEASURES] = TABLE_VIEW(elliptic_measures),
    [LT_MEASURE_TAILS] = TABLE_VIEW(measure_tails),
};


size_t table_size(lex_table t)
{
    return lex_tables[t].count;
}


const char *table_phrase(lex_table t, size_t e)
{
    const table_view *v = &lex_tables[t];
    return *(const char *const *)((const char *)v->first + e * v->stride);
}


/* Every token is looked up, so the key is only the length and three bytes
 * (first, middle, last); a slot with the same key is then compared in
 * full. The slot index is the top bits of a Fibonacci product of the key. */
uint32_t word_key(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    return (uint32_t)(n & 0xFF) | (uint32_t)u[0] << 8 | (uint32_t)u[n / 2] << 16 |
           (uint32_t)u[n - 1] << 24;
}


bool same_word(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}


/* The slot of word s[0..n) (n > 0): where it is, or the empty slot it would
 * take. */
word_slot *word_slot_of(const lexicon_index *lx, const char *s, size_t n)
{
    uint32_t key = word_key(s, n);
    for (size_t h = (key * 0x9E3779B1u) >> lx->shift;; h = (h + 1) & lx->mask) {
        word_slot *w = &lx->slots[h];
        if (!w->id || (w->key == key && w->len == n && same_word(lx->word[w->id], s, n)))
            return w;
    }
}


/* Id of the word s[0..n), 0 when no phrase has it. */
uint16_t lexicon_word(const lexicon_index *lx, const char *s, size_t n)
{
    if (n == 0 || n > lx->max_len)
        return 0;
    return word_slot_of(lx, s, n)->id;
}


uint16_t intern_word(lexicon_index *lx, const char *s, size_t n)
{
    word_slot *w = word_slot_of(lx, s, n);
    if (!w->id) {
        *w = (word_slot){ word_key(s, n), (uint16_t)n, (uint16_t)++lx->n_words };
        lx->word[w->id] = s;
        if (n > lx->max_len)
            lx->max_len = n;
    }
    return w->id;
}


size_t count_words(const char *phrase)
{
    size_t words = 1;
    for (const char *p = phrase; *p; p++)
        words += *p == ' ';
    return words;
}


/* Lists, for every word id, the entries whose phrase starts (or ends) with
 * it, in table order: runs refs[at[w] .. at[w + 1]). */
bool index_by_word(const lexicon_index *lx, size_t entries, bool by_last,
                          uint32_t **at_out, lex_ref **refs_out)
{
    uint32_t *at = calloc(lx->n_words + 2, sizeof *at);
    uint32_t *fill = calloc(lx->n_words + 2, sizeof *fill);
    lex_ref *refs = malloc((entries ? entries : 1) * sizeof *refs);
    bool ok = at && fill && refs;
    for (int pass = 0; ok && pass < 2; pass++) {
        for (int t = 0; t < LT_COUNT; t++)
            for (size_t e = 0; e < lex_tables[t].count; e++) {
                size_t g = lx->base[t] + e;
                if (!lx->n_ids[g])
                    continue;
                uint16_t w = lx->ids[lx->ids_at[g] + (by_last ? lx->n_ids[g] - 1u : 0u)];
                if (pass == 0)
                    at[w + 1]++;
                else
                    refs[fill[w]++] = (lex_ref){ (uint8_t)t, (uint16_t)e };
            }
        if (pass == 0) {
            for (size_t w = 1; w < lx->n_words + 2; w++)
                at[w] += at[w - 1];
            memcpy(fill, at, (lx->n_words + 2) * sizeof *fill);
        }
    }
    free(fill);
    if (!ok) {
        free(at);
        free(refs);
        return false;
    }
    *at_out = at;
    *refs_out = refs;
    return true;
}


/* Per word id, the tables its run of refs[at[w] .. at[w + 1]) holds, one
 * bit each; NULL when out of memory. */
static uint64_t *table_masks(const lexicon_index *lx, const uint32_t *at, const lex_ref *refs)
{
    uint64_t *mask = calloc((lx->n_words + 1) * TABLE_MASK_WORDS, sizeof *mask);
    for (size_t w = 0; mask && w <= lx->n_words; w++)
        for (uint32_t r = at[w]; r < at[w + 1]; r++)
            mask[w * TABLE_MASK_WORDS + (refs[r].table >> 6)] |= 1ull << (refs[r].table & 63u);
    return mask;
}


void lexicon_free(lexicon_index *lx)
{
    free(lx->slots);
    free(lx->word);
    free(lx->ids);
    free(lx->ids_at);
    free(lx->n_ids);
    free(lx->first_at);
    free(lx->first);
    free(lx->last_at);
    free(lx->last);
    free(lx->first_tables);
    free(lx->last_tables);
    memset(lx, 0, sizeof *lx);
}


bool lexicon_build(lexicon_index *lx)
{
    memset(lx, 0, sizeof *lx);
    size_t entries = 0, words = 0;
    for (int t = 0; t < LT_COUNT; t++) {
        lx->base[t] = entries;
        entries += lex_tables[t].count;
        for (size_t e = 0; e < lex_tables[t].count; e++)
            words += count_words(table_phrase(t, e));
    }
    size_t slots = 64;
    lx->shift = 32 - 6;
    while (slots < 2 * words) {
        slots *= 2;
        lx->shift--;
    }
    lx->mask = slots - 1;
    lx->slots = calloc(slots, sizeof *lx->slots);
    lx->word = malloc((words + 1) * sizeof *lx->word);
    lx->ids = malloc(words * sizeof *lx->ids);
    lx->ids_at = malloc(entries * sizeof *lx->ids_at);
    lx->n_ids = malloc(entries);
    if (!lx->slots || !lx->word || !lx->ids || !lx->ids_at || !lx->n_ids) {
        lexicon_free(lx);
        return false;
    }
    size_t o = 0;
    for (int t = 0; t < LT_COUNT; t++)
        for (size_t e = 0; e < lex_tables[t].count; e++) {
            size_t g = lx->base[t] + e;
            lx->ids_at[g] = (uint32_t)o;
            bool well_formed = true;
            for (const char *p = table_phrase(t, e); *p;) {
                const char *sp = strchr(p, ' ');
                size_t n = sp ? (size_t)(sp - p) : strlen(p);
                well_formed &= n > 0 && (!sp || sp[1]);
                lx->ids[o++] = n ? intern_word(lx, p, n) : 0;
                p += n + (sp != NULL);
            }
            /* words are separated by single spaces (lexicon.def); a phrase
             * that is not so written matches nothing */
            lx->n_ids[g] = well_formed ? (uint8_t)(o - lx->ids_at[g]) : 0;
        }
    if (!index_by_word(lx, entries, false, &lx->first_at, &lx->first) ||
        !index_by_word(lx, entries, true, &lx->last_at, &lx->last) ||
        !(lx->first_tables = table_masks(lx, lx->first_at, lx->first)) ||
        !(lx->last_tables = table_masks(lx, lx->last_at, lx->last))) {
        lexicon_free(lx);
        return false;
    }
    return true;
}


/* Do the tokens from i on spell the phrase of global entry g? */
bool ids_match(const rctx *c, size_t i, size_t g)
{
    const lexicon_index *lx = &c->lex;
    size_t n = lx->n_ids[g];
    if (i > c->tv.n || n > c->tv.n - i)
        return false;
    const uint16_t *ids = lx->ids + lx->ids_at[g];
    for (size_t k = 0; k < n; k++)
        if (c->wid[i + k] != ids[k])
            return false;
    return true;
}


size_t phrase_before(const rctx *c, size_t end, size_t lo, lex_table t, size_t *idx)
{
    if (end == 0 || end > c->tv.n || !c->wid[end - 1])
        return 0;
    const lexicon_index *lx = &c->lex;
    uint16_t w = c->wid[end - 1];
    size_t room = end - lo, best = 0;
    if (!word_in_tables(lx->last_tables, w, t))
        return 0;
    for (uint32_t r = lx->last_at[w]; r < lx->last_at[w + 1]; r++) {
        lex_ref ref = lx->last[r];
        if (ref.table != t)
            continue;
        size_t g = lx->base[t] + ref.entry, words = lx->n_ids[g];
        if (words > room || words > end || words <= best)
            continue;
        if (ids_match(c, end - words, g)) {
            best = words;
            if (idx)
                *idx = ref.entry;
        }
    }
    return best;
}


size_t phrase_longest_at(const rctx *c, size_t i, lex_table t, size_t *idx)
{
    if (i >= c->tv.n || !c->wid[i])
        return 0;
    const lexicon_index *lx = &c->lex;
    uint16_t w = c->wid[i];
    size_t best = 0;
    if (!word_in_tables(lx->first_tables, w, t))
        return 0;
    for (uint32_t r = lx->first_at[w]; r < lx->first_at[w + 1]; r++) {
        lex_ref ref = lx->first[r];
        if (ref.table != t)
            continue;
        size_t g = lx->base[t] + ref.entry;
        if (lx->n_ids[g] > best && ids_match(c, i, g)) {
            best = lx->n_ids[g];
            if (idx)
                *idx = ref.entry;
        }
    }
    return best;
}


/* First entry of table t, in table order, whose phrase starts at token i. */
bool phrase_first_at(const rctx *c, size_t i, lex_table t, size_t *idx)
{
    if (i >= c->tv.n || !c->wid[i])
        return false;
    const lexicon_index *lx = &c->lex;
    uint16_t w = c->wid[i];
    if (!word_in_tables(lx->first_tables, w, t))
        return false;
    for (uint32_t r = lx->first_at[w]; r < lx->first_at[w + 1]; r++) {
        lex_ref ref = lx->first[r];
        if (ref.table == t && ids_match(c, i, lx->base[t] + ref.entry)) {
            *idx = ref.entry;
            return true;
        }
    }
    return false;
}


/* Is token i a one-word entry of table t? */
bool in_table(const rctx *c, size_t i, lex_table t)
{
    if (i >= c->tv.n || !c->wid[i])
        return false;
    const lexicon_index *lx = &c->lex;
    uint16_t w = c->wid[i];
    if (!word_in_tables(lx->first_tables, w, t))
        return false;
    for (uint32_t r = lx->first_at[w]; r < lx->first_at[w + 1]; r++)
        if (lx->first[r].table == t && lx->n_ids[lx->base[t] + lx->first[r].entry] == 1)
            return true;
    return false;
}


/* The lexicon index depends only on the compiled-in tables: it is built
 * once per process (pthread_once, so any thread may be first), then only
 * read, by every parse on every thread; freed when the library unloads. */
static lexicon_index shared_lexicon;
static bool shared_lexicon_ok;
static pthread_once_t shared_lexicon_once = PTHREAD_ONCE_INIT;


static void build_shared_lexicon(void)
{
    shared_lexicon_ok = lexicon_build(&shared_lexicon);
}


__attribute__((destructor)) static void free_shared_lexicon(void)
{
    if (shared_lexicon_ok)
        lexicon_free(&shared_lexicon);
}

const lexicon_index *lexicon_shared(void)
{
    pthread_once(&shared_lexicon_once, build_shared_lexicon);
    return shared_lexicon_ok ? &shared_lexicon : NULL;
}
