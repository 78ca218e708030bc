/*
 * rules.h — private to the recognize stage: the context a block is read
 * in, the vocabulary tables and their index, and the functions the rule
 * modules share (one section per module below).
 *
 * The recognize stage may include every stage below it (base, units,
 * decode … lexer, period, metadata); nothing outside recognize/ includes
 * this header.
 */
#ifndef VNR_RECOGNIZE_RULES_H
#define VNR_RECOGNIZE_RULES_H

#include "recognize.h"
#include "lexer.h"
#include "metadata.h"
#include "units.h"
#include "utf8.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>


typedef enum trigger_kind {
    T_NONE, T_LEVEL, T_CHANGE, T_RESTATE, T_EQUAL, T_INDEX, T_ATTAIN, T_EXCEED, T_SHARE,
    T_TO_LEVEL, T_CONTRIBUTE,
    T_KIND_COUNT
} trigger_kind;

/* Properties of a trigger kind (TRIGGER_KIND rows). */
enum { TK_ENDS_COUNT_NOUN = 1, TK_RATES_ONLY = 2, TK_NAMES_MEASURE = 4, TK_COMPARES = 8 };

/* What a comparison is made with: one id per BASELINE_CODE row. */
typedef enum baseline_id {
#define BASELINE_CODE(id, code, flags) id,
#include "lexicon.def"
#undef BASELINE_CODE
    BL_COUNT,
    BL_OTHER = BL_COUNT    /* a code no row spells: a compared period (`month:3/2023`) */
} baseline_id;

/* Properties of a baseline code (BASELINE_CODE rows). */
enum { BC_BARE = 1, BC_PLAN = 2, BC_BUDGET = 4, BC_TAKES_YEAR = 8, BC_NEEDS_YEAR = 16,
       BC_YEAR_START = 32,  /* the year it names starts there: its year is the one before */
       BC_PLACE = 64        /* another place, no time: it reaches no other value */ };

/* When a NON_INDICATOR phrase makes the number after it no quantity. */
typedef enum ni_when {
    NI_ALWAYS, NI_WEAK, NI_YEARLIKE, NI_MONTH_NUMBER, NI_UNITLESS, NI_HYPHENED,
    NI_NEVER,     /* a longer phrase that undoes a shorter row: `trong số 21 chỉ tiêu` */
    NI_DURATION   /* only a count of a TIME_WORD unit: `trong 5 ngày` */
} ni_when;

/* What a unit word makes of its value (UNIT_KIND rows). */
typedef enum unit_kind { UK_NONE, UK_POINTS, UK_POINTS_OR_SCORE, UK_TIMES } unit_kind;


typedef struct trigger_entry { const char *phrase; trigger_kind kind; int sign; } trigger_entry;
typedef struct coded_entry { const char *phrase; const char *code; } coded_entry;
typedef struct qualifier_entry { const char *phrase; vnr_qualifier q; } qualifier_entry;
typedef struct word_entry { const char *phrase; } word_entry;
typedef struct estimate_entry { const char *phrase; bool forecast; } estimate_entry;
/* What a LINK_WORD does (lexicon.def). */
typedef enum link_word_kind { LW_PLACES_AT, LW_COPULA, LW_COMMA_LEAD, LW_COUNT_VERB, LW_RANK_OF, LW_SETS_GOALS, LW_COMPARATIVE,
                                LW_CLOCK, LW_COMPOUND, LW_DETAIL, LW_GOES_ON } link_word_kind;
typedef struct link_word_entry { const char *phrase; link_word_kind kind; } link_word_entry;
typedef struct target_cue_entry { const char *phrase; bool counts, sentence; } target_cue_entry;
typedef struct baseline_entry { const char *phrase; baseline_id id; } baseline_entry;
typedef struct baseline_code_entry { const char *code; unsigned flags; } baseline_code_entry;
typedef struct non_indicator_entry { const char *phrase; const char *code; ni_when when; } non_indicator_entry;
typedef struct compare_entry { const char *phrase; bool full; } compare_entry;
typedef struct date_word_entry { const char *phrase; bool before, after; } date_word_entry;
typedef struct period_link_entry { const char *phrase; bool shared; } period_link_entry;
typedef struct unit_kind_entry { const char *phrase; unit_kind kind; } unit_kind_entry;


#define COUNT_OF(a) (sizeof(a) / sizeof *(a))
#define NONE ((size_t)-1)


extern const trigger_entry triggers[];
extern const baseline_entry baselines[];
extern const baseline_entry plan_words[];
extern const qualifier_entry qualifiers[];
extern const qualifier_entry qualifiers_after[];
extern const estimate_entry estimates[];
extern const word_entry fillers[];
extern const non_indicator_entry non_indicators[];
extern const word_entry not_nouns[];
extern const word_entry count_nouns[];
extern const word_entry amount_words[];
extern const coded_entry periods_after[];
extern const word_entry time_words[];
extern const word_entry classifiers[];
extern const target_cue_entry target_cues[];
extern const word_entry target_cue_nots[];
extern const word_entry target_cue_stops[];
extern const word_entry gap_words[];
extern const word_entry range_opens[];
extern const word_entry range_words[];
extern const word_entry share_words[];
extern const word_entry plan_structure[];
extern const compare_entry compare_words[];
extern const word_entry count_noun_stops[];
extern const date_word_entry date_words[];
extern const unit_kind_entry unit_kinds[];
extern const word_entry rate_words[];
extern const word_entry growth_words[];
extern const word_entry growth_holders[];
extern const word_entry label_scopes[];
extern const word_entry measure_intos[];
extern const word_entry value_aspects[];
extern const word_entry aspect_heads[];
extern const word_entry count_heads[];
extern const word_entry topic_leads[];
extern const word_entry trigger_names[];
extern const word_entry sector_heads[];
extern const period_link_entry period_links[];
extern const word_entry entity_withs[];
extern const word_entry event_verbs[];
extern const word_entry entity_leads[];
extern const word_entry entity_ranks[];
extern const word_entry negations[];
extern const word_entry review_cues[];
extern const word_entry example_leads[];
extern const word_entry report_verbs[];
extern const word_entry output_measures[];
extern const word_entry place_leads[];
extern const word_entry admin_units[];
extern const word_entry list_cues[];
extern const word_entry place_list_cues[];
extern const word_entry place_references[];
extern const word_entry outcome_names[];
extern const word_entry measure_references[];
extern const word_entry list_quantifiers[];
extern const word_entry respective_words[];
extern const word_entry rate_bases[];
extern const word_entry aside_measures[];
extern const word_entry year_to_date_words[];
extern const word_entry fraction_links[];
extern const word_entry empty_phrases[];
extern const word_entry list_members[];
extern const word_entry empty_labels[];
extern const word_entry clause_links[];
extern const word_entry label_nots[];
extern const word_entry clause_leads[];
extern const word_entry measure_heads[];
extern const word_entry breakdown_words[];
extern const word_entry plan_givers[];
extern const link_word_entry link_words[];
extern const baseline_entry budget_givers[];
extern const word_entry total_heads[];
extern const word_entry generic_measures[];
extern const word_entry sibling_links[];
extern const word_entry measure_nouns[];
extern const word_entry elliptic_measures[];
extern const word_entry measure_tails[];
extern const baseline_code_entry baseline_codes[BL_COUNT];
extern const unsigned trigger_kind_flags[T_KIND_COUNT];


/*
 * Phrases used to be matched by comparing strings, walking every entry of
 * a table at every look-up: the recognizer's main cost on real reports
 * (docs/performance.md). So, once per document, every distinct word of the
 * tables gets a small id (1, 2, …) and every phrase becomes a sequence of
 * ids; each token gets the id of its lower-cased text once (0 when no
 * phrase uses it, and always for a plain number). For every word, the
 * entries whose phrase starts with it and those whose phrase ends with it
 * are listed in table order, so a look-up visits only entries that can
 * match and makes the choice the full walk made (the longest phrase, the
 * earliest entry on a tie).
 */

typedef enum lex_table {
    LT_TRIGGERS, LT_BASELINES, LT_PLAN_WORDS, LT_QUALIFIERS, LT_QUALIFIERS_AFTER,
    LT_ESTIMATES, LT_FILLERS, LT_NON_INDICATORS, LT_NOT_NOUNS, LT_COUNT_NOUNS,
    LT_AMOUNT_WORDS, LT_PERIODS_AFTER, LT_TIME_WORDS, LT_CLASSIFIERS, LT_TARGET_CUES,
    LT_TARGET_CUE_NOTS, LT_TARGET_CUE_STOPS, LT_GAP_WORDS, LT_RANGE_OPENS, LT_RANGE_WORDS, LT_SHARE_WORDS, LT_PLAN_STRUCTURE,
    LT_COMPARE_WORDS, LT_COUNT_NOUN_STOPS, LT_DATE_WORDS, LT_UNIT_KINDS, LT_RATE_WORDS,
    LT_GROWTH_WORDS, LT_LABEL_NOTS, LT_CLAUSE_LEADS, LT_MEASURE_HEADS, LT_BREAKDOWN_WORDS, LT_TOTAL_HEADS, LT_GENERIC_MEASURES, LT_SIBLING_LINKS, LT_MEASURE_NOUNS, LT_PLAN_GIVERS, LT_BUDGET_GIVERS, LT_ELLIPTIC_MEASURES, LT_MEASURE_TAILS, LT_GROWTH_HOLDERS, LT_CLAUSE_LINKS, LT_LABEL_SCOPES, LT_MEASURE_INTOS, LT_VALUE_ASPECTS, LT_ASPECT_HEADS, LT_COUNT_HEADS, LT_TOPIC_LEADS, LT_TRIGGER_NAMES, LT_SECTOR_HEADS, LT_PERIOD_LINKS, LT_ENTITY_WITHS, LT_EVENT_VERBS, LT_ENTITY_LEADS, LT_ENTITY_RANKS, LT_NEGATIONS, LT_REVIEW_CUES, LT_EXAMPLE_LEADS, LT_REPORT_VERBS, LT_OUTPUT_MEASURES, LT_PLACE_LEADS, LT_LINK_WORDS, LT_ADMIN_UNITS, LT_LIST_CUES, LT_PLACE_LIST_CUES, LT_PLACE_REFERENCES, LT_OUTCOME_NAMES, LT_MEASURE_REFERENCES, LT_LIST_QUANTIFIERS, LT_LIST_MEMBERS, LT_FRACTION_LINKS, LT_EMPTY_PHRASES, LT_EMPTY_LABELS, LT_RESPECTIVE_WORDS, LT_RATE_BASES, LT_ASIDE_MEASURES, LT_YEAR_TO_DATE_WORDS, LT_COUNT
} lex_table;


typedef struct lex_ref {
    uint8_t table;     /* lex_table */
    uint16_t entry;    /* index in that table */
} lex_ref;


/* 8 bytes, so the table stays in the first-level cache. */
typedef struct word_slot {
    uint32_t key;      /* word_key of the word */
    uint16_t len;
    uint16_t id;       /* 0: empty slot */
} word_slot;


typedef struct lexicon_index {
    word_slot *slots;          /* open addressing, mask + 1 slots */
    const char **word;         /* per word id: the word, inside a table phrase */
    size_t mask;
    unsigned shift;            /* 32 − log2(mask + 1) */
    size_t n_words;
    size_t max_len;            /* longest word, in bytes */
    size_t base[LT_COUNT];     /* global number of each table's first entry */
    uint16_t *ids;             /* word ids of every phrase, back to back */
    uint32_t *ids_at;          /* per global entry: its first id in `ids` */
    uint8_t *n_ids;            /* per global entry: words in its phrase */
    uint32_t *first_at;        /* per word id: its run in `first` */
    lex_ref *first;            /* entries by first word, in table order */
    uint32_t *last_at;
    lex_ref *last;             /* entries by last word, in table order */
    uint64_t *first_tables;    /* per word id, TABLE_MASK_WORDS words: bit t set when table t has an entry starting with it */
    uint64_t *last_tables;     /* per word id: … ending with it */
} lexicon_index;

/* The 64-bit words of one word id's table mask: one bit per table. */
enum { TABLE_MASK_WORDS = (LT_COUNT + 63) / 64 };


/* May a phrase of table t start (`tables` = first_tables) or end
 * (last_tables) with word w? Most look-ups ask about words no entry of the
 * table starts with: they end here, without walking the word's run. */
static inline bool word_in_tables(const uint64_t *tables, uint16_t w, lex_table t)
{
    if (TABLE_MASK_WORDS == 1)
        return (tables[w] >> t) & 1u;   /* (64 tables or fewer: one word, no index arithmetic) */
    return (tables[(size_t)w * TABLE_MASK_WORDS + ((unsigned)t >> 6)] >> ((unsigned)t & 63u)) & 1u;
}


typedef struct rctx {
    const char *text;
    size_t len;
    const segmentation *seg;
    const doc_meta *meta;
    const char *doc;
    vnr_arena *arena;
    recognizer_out *out;
    token_vec tv;
    vnr_buf lower;          /* scratch: a token lowered apart from the block's copy */
    uint16_t *wid;          /* per token: lexicon word id, 0 for none */
    vnr_buf block_low;      /* the block's text [block_from, +len) lower-cased once */
    size_t block_from;
    bool block_low_exact;   /* each character lower-cased to as many bytes: offsets hold */
    struct { size_t from, to; bool holds; } heads_seen[4];   /* may_hold_period's last answers */
    unsigned heads_next;    /* the entry of heads_seen to replace */
    size_t lo_cap;
    lexicon_index lex;
    bool in_plan;
    const char *block_baseline;   /* last comparison stated in the block's earlier sentences */
    /* the first and last comparisons of the block's last sentence that
     * stated two (`tăng 5,5% so tháng trước và tăng 13,8% so cùng kỳ`):
     * what a later `tăng X% và Y%` maps onto, respectively */
    const char *block_pair[2];
    bool outcomes_carry;    /* in a plan part, the block's last sentence told outcomes */
    bool goal_carry;        /* the block's last sentence with values set goals (`phấn đấu …`) */
    /* the previous text block's last sentence (records only) and its last
     * comparison, for a block that opens with `Trong đó,` */
    size_t carry_first_rec, carry_head, carry_last_change, carry_chain_last;
    const char *carry_baseline;
    /* the last comparison of a paragraph that ended announcing its parts
     * (`…, giảm 2,3% so cùng kỳ. Trong đó:`, `…; trong đó:`), for each
     * list item (`- Lúa …`) after it; NULL when the block is no such item */
    const char *list_baseline;
    bool list_open;         /* such a paragraph came, and only its items since */
    bool list_estimate;     /* its sentence goes on in the items, estimated */
    const char *list_period;    /* … and of this period, or NULL */
    bool list_item;         /* the block is such an item */
    bool list_goals;        /* the paragraph was a heading of goals (`Mục tiêu cụ thể đến năm 2030:`) */
    const char *plan_period;    /* period of the plan part the block is in */
    const char **section;
    size_t section_depth;
    const char *heading_period;   /* period the innermost heading naming one names, or NULL */
    const char *subheading_period;   /* that a web page's last unnumbered subheading names, or NULL */
    const char *section_periods[2];   /* that of the section's headings; [1]: its own one left out */
    const char **title_periods;   /* per section: the period its own title names, "" none, NULL not read yet */
    int32_t section_id;     /* section whose path `section` holds; -2 none yet */
    size_t statement;
    const char *block_subject;
    vnr_buf scratch;
    size_t clause_cs, clause_ce;   /* cached clause bounds ... */
    const char *clause_text;       /* ... and its text, shared by its records */
    size_t clause_len;
} rctx;


/* How far back a sentence-wide look-up reaches (keeps a sentence of a
 * million values linear). */
enum { LOOKBACK = 64 };
/* Longest clause copied whole into each record's `text`. */
enum { MAX_CLAUSE_TEXT = 600 };


/* What the recognizer knows about one quantity while building its record. */
typedef struct quantity {
    size_t tok;                /* the number token */
    size_t unit_end_tok;       /* first token after the unit */
    uint32_t unit_start, unit_end; /* unit text span */
    bool percent, count, times, points;
    bool score;                /* points that are a score without a verb of change (`với 7,12 điểm`) */
    double value, value_max, total;
    uint32_t vstart, vend;     /* value text span */
    size_t consumed_end;       /* first token after unit and any plan/baseline phrase */
    bool resolved;             /* `info` holds the registry's reading of the unit span */
    unit_info info;
} quantity;


/* Per sentence: state shared by the records of a chain. */
typedef struct number_ctx {
    size_t sent_start, sent_end;
    size_t floor;          /* first token after the previous quantity */
    size_t period_lo;      /* a period before this was an earlier value's own
                            * (`5,1% của 6 tháng đầu năm 2023`), not the clause's */
} number_ctx;


typedef struct sentence_state {
    size_t first_rec;          /* index of the first record of the sentence (or of
                                * the one a `Trong đó,` sentence goes on) */
    size_t own_first_rec;      /* index of the sentence's own first record */
    size_t head;               /* most recent level record, or NONE */
    size_t outer_head;         /* the most recent one outside brackets, or NONE */
    bool head_in_bracket;      /* head stands inside a bracket (`(trong đó: …)`) */
    size_t last_change;        /* most recent change record, or NONE */
    size_t chain_last;         /* most recent record that may lead a chain (a
                                * contribution names its own measure), or NONE */
    size_t parts_of;           /* the latest record a breakdown word right after it
                                * announced the parts of (`giá trị sản xuất tăng
                                * 12,4%, trong đó: …`), or NONE */
    const char *baseline;      /* most recent explicit baseline */
    size_t pending_baseline_from; /* first record that still lacks a chain baseline */
    const char *pair[2];        /* a comparison naming two comparands stated in the sentence
                                 * (`so với tháng trước và cùng kỳ`), for its pairs of values */
    size_t pair_scanned;        /* the sentence is searched for it up to this token */
    const char *subject;       /* label subject of the sentence */
    size_t label_clause;       /* the last ';' clause read for a label of its own (`…; Rau các loại: …`) */
    const char *clause_subject; /* … and that label, or NULL */
    const char *measure_label; /* a label naming the sentence's measure, or NULL */
    bool list_label;           /* `subject` is a label that announces a list (`… như sau:`) */
    size_t clause_first;       /* first record of the current ';' clause */
    size_t clause_tok;         /* token where that clause starts */
    size_t est_scanned;        /* tokens before this were searched for an estimate word */
    size_t est_at;             /* the first estimate word of the sentence, or NONE */
    unsigned est_depth;        /* brackets open at est_scanned */
    size_t est_later_scanned;  /* tokens before this were searched for a later one */
    size_t est_later;          /* 1 + the latest estimate word found there, 0 for none */
    const char *list_stem;     /* the words before the first thing a value named, or NULL */
    size_t bd_scanned;         /* tokens before this were searched for a breakdown marker */
    bool bd_found;             /* one stands after the sentence's first record */
    size_t prev_head;          /* the block's previous sentence's head, or NONE */
    size_t prev_last;          /* the block's previous sentence's chain_last, or NONE */
    bool goal;                 /* goes on with the goals of the sentence before */
    size_t goals_from;         /* after `đề ra 18 chỉ tiêu` (LW_SETS_GOALS): the values from here on
                                * are those goals, up to an outcome word; 0 when none */
    unsigned period_items;     /* values in a row named only by their period (`quý I tăng …`) */
    const char *entity;        /* a place an ENTITY_WITH or EVENT_VERB split off, the later values' subject */
    size_t growth_scanned;     /* tokens before this were searched for a growth word */
    bool growth_found;         /* one stands there */
    int list_colon_known;      /* 1 when list_colon is set (place_measure asks once a sentence) */
    size_t list_colon, list_cue;   /* the colon of a list opened by a LIST_CUE or PLACE_LIST_CUE, its cue's length; NONE */
    size_t list_head;          /* where the words before that cue open: the sentence, or its ';' clause */
    int goal_list;             /* its first ';' clause opens a list of goals (`Mục tiêu đến
                                * năm 2025, …; …`): 1, 0 none, -1 not read yet; and where
                                * that clause ends */
    size_t goal_list_end;
    size_t sent_start, sent_end;   /* the sentence's tokens */
} sentence_state;


/* One value on its way to a record: what the steps of emit_quantity share
 * (role.c, estimate.c, baseline.c, indicator.c, emit.c). */
typedef struct draft {
    size_t i;                   /* the number token */
    quantity *q;
    number_ctx *nc;
    sentence_state *ss;
    bool pair_second;           /* the second value of a pair: the first's target */
    const char *pair_unit;      /* the unit a pair or range shares, or NULL */
    size_t seg_lo;              /* first token of the value's segment */
    const trigger_entry *tr;    /* its trigger, or NULL */
    size_t trig_at, trig_len;   /* where the trigger (or the phrase's end) is */
    const char *plan_code;      /* the plan the value is a share of, or NULL */
    size_t ind_a, ind_b;        /* the value's own indicator phrase */
    bool inherited;             /* the indicator came from the statement head */
    bool period_only;           /* the value's own phrase was only a period (`6 tháng ước đạt`) */
    bool ratio_of_measure;      /* a percentage of the measure named after it (`bằng 95% diện
                                 * tích gieo trồng`): those words are neither its thing
                                 * nor the next value's phrase */
    size_t named_until;         /* after the words a count named up to a comma, or 0 */
    bool own_measure;           /* its trigger named its measure (TK_NAMES_MEASURE) */
    bool restates_fraction;     /* a share restating the n/N value before it (role.c) */
    bool restates_rate;         /* a rate restating the change of a count before it (role.c) */
    bool joined;                /* the second value of `tăng X% và Y%` (role.c) */
    bool span_end;              /* where a share went to: `từ 32,5% … xuống còn 32,3%` (role.c) */
    int comparand_year;         /* the value is a comparand's own figure of this year
                                 * (0: the year before; -1: it is none; baseline.c) */
    bool comparand;             /* a bracket holding the value a change compared with: the
                                 * plan's (`so với chỉ tiêu … (91,5%)`) or the earlier
                                 * level (role.c); it speaks of the change's thing */
    bool aside_of_prev;         /* a bracket right after the value before, naming a
                                 * measure of its own about that value's thing
                                 * (`nhóm giao thông tăng 1,2% (tác động làm CPI tăng
                                 * 0,11%)`; indicator.c) */
    vnr_record r;
} draft;


static inline bool is_punct(const rctx *c, size_t i, uint32_t cp)
{
    return i < c->tv.n && c->tv.t[i].kind == TOK_PUNCT && c->tv.t[i].cp == cp;
}

/* A dash joining two values: `-` or an en dash. */
static inline bool is_dash(const rctx *c, size_t i)
{
    return is_punct(c, i, '-') || is_punct(c, i, 0x2013);
}


static inline bool is_numeric(const token *t)
{
    return t->kind == TOK_NUMBER || t->kind == TOK_RANGE || t->kind == TOK_FRACTION;
}


/* Longest phrase of table t ending exactly at token `end` (exclusive) and
 * starting at or after `lo`; returns its token count and the entry index. */
#define PHRASE_BEFORE(c, t, end, lo, idx) phrase_before((c), (end), (lo), (t), (idx))


/* Longest phrase of table t starting at token i: its token count (0 for
 * none) and entry index. */
#define PHRASE_AT(c, t, i, idx) phrase_longest_at((c), (i), (t), (idx))


/* Longest phrase, in tokens, whose period phrases are looked for. */
enum { PERIOD_TRIM_TOKENS = 64 };


/* lexicon.c — the vocabulary tables of lexicon.def and their index: word ids, phrase look-ups (longest phrase at / ending at a token), built once per process. */
const char *table_phrase(lex_table t, size_t e);
size_t table_size(lex_table t);
uint32_t word_key(const char *s, size_t n);
bool same_word(const char *a, const char *b, size_t n);
word_slot *word_slot_of(const lexicon_index *lx, const char *s, size_t n);
uint16_t lexicon_word(const lexicon_index *lx, const char *s, size_t n);
uint16_t intern_word(lexicon_index *lx, const char *s, size_t n);
size_t count_words(const char *phrase);
bool index_by_word(const lexicon_index *lx, size_t entries, bool by_last,
                          uint32_t **at_out, lex_ref **refs_out);
void lexicon_free(lexicon_index *lx);
bool lexicon_build(lexicon_index *lx);
/* The index of the compiled-in tables, built once per process by the
 * first caller (any thread); NULL when that build ran out of memory. */
const lexicon_index *lexicon_shared(void);
bool ids_match(const rctx *c, size_t i, size_t g);
size_t phrase_before(const rctx *c, size_t end, size_t lo, lex_table t, size_t *idx);
size_t phrase_longest_at(const rctx *c, size_t i, lex_table t, size_t *idx);
bool phrase_first_at(const rctx *c, size_t i, lex_table t, size_t *idx);
bool in_table(const rctx *c, size_t i, lex_table t);

/* tokens.c — token helpers of the recognizer: the block's text lower-cased once and slices of it, each token's word id read in that copy, phrase and clause bounds, token text joined back into arena strings. */
bool is_boundary(const rctx *c, size_t i);
/* A '.' glued between two words (`người.km`, `tấn.km`): part of a name. */
bool is_glued_dot(const rctx *c, size_t i);
bool is_strong_boundary(const rctx *c, size_t i);
bool is_day_month(const rctx *c, size_t i);
const char *tokens_text(rctx *c, size_t a, size_t b);
const char *join_text(rctx *c, const char *a, char sep, const char *b);
bool grow_token_arrays(rctx *c);
void free_token_arrays(rctx *c);
bool lower_tokens(rctx *c);
size_t lower_text(const rctx *c, size_t from, size_t len, char *out, size_t cap);
size_t token_at_offset(const rctx *c, size_t from, uint32_t pos);
bool brackets_close_before(const rctx *c, size_t k, size_t i, int depth);
bool capitalised_words(const rctx *c, size_t a, size_t b);
bool ends_in_name(const rctx *c, size_t k, size_t m);
size_t breakdown_after_comma(const rctx *c, size_t k, size_t lo);
bool follows_record(const rctx *c, const vnr_record *r, size_t k);
size_t token_after_record(const rctx *c, const vnr_record *r, size_t from, size_t to);
bool same_unit_as(const rctx *c, const vnr_record *r, const quantity *q);
bool is_count(const vnr_record *r);
size_t open_bracket_before(const rctx *c, size_t lo, size_t i);
size_t link_before(const rctx *c, size_t i);
size_t segment_start(const rctx *c, size_t i, size_t floor);
size_t phrase_floor(const rctx *c, size_t i, size_t floor);
bool is_filler_at(const rctx *c, size_t i, size_t hi, size_t *m);
bool closes_bracket(const rctx *c, size_t a, size_t k);
bool is_roman_numeral(const rctx *c, size_t k);
bool has_content(const rctx *c, size_t a, size_t b);
size_t clause_start(const rctx *c, size_t i, size_t sent_start);
size_t clause_end(const rctx *c, size_t i, size_t sent_end);
size_t clause_of(rctx *c, size_t i, const number_ctx *nc);

/* fate.c — number fates: why a number is no quantity (date, year, period, ordinal, identifier, …) and the digits inside markers, units and words. */
bool add_fate(rctx *c, uint32_t start, uint32_t end, const char *fate, size_t rec);
uint32_t next_digit(const char *s, uint32_t i, uint32_t end);
bool add_digit_fates(rctx *c, uint32_t start, uint32_t end, const char *fate);
bool is_clock_time(const rctx *c, size_t i);
const char *non_indicator_fate(const rctx *c, size_t i, size_t lo, bool has_unit,
                                      bool name_follows);

/* quantity.c — the quantity of a number token: its unit with scale words and per-unit tails, counts, ranges and rate items, canonical values. */
size_t count_noun_at(const rctx *c, size_t i);
void extend_per_unit(const rctx *c, quantity *q);
bool find_unit(rctx *c, size_t i, quantity *q);
size_t pack_slash(const char *s, size_t n, char *out, size_t cap);
void fill_units(rctx *c, vnr_record *r, const char *unit, const unit_info *known);
bool rate_item(const rctx *c, size_t i, size_t floor, size_t e);
size_t counted_noun_of_item(const rctx *c, size_t i, size_t floor, size_t e, size_t *noun);
size_t unit_bracket_before(const rctx *c, size_t b, size_t floor, size_t *unit);
size_t label_unit_of_item(const rctx *c, size_t i, size_t floor, size_t *unit);
size_t label_denominator(const rctx *c, size_t open, size_t floor, size_t *per);
size_t range_join_at(const rctx *c, size_t i, size_t at, size_t e);

/* baseline.c — what a change, index or attainment is compared with: `so với …` phrases before or after the value, plan words, compared periods, and the baseline a chain or a paragraph carries. */
size_t compare_word_at(const rctx *c, size_t k, bool full_only);
baseline_id baseline_id_of(const char *code);
unsigned baseline_flags(const char *code);
size_t compared_period_at(rctx *c, size_t k, char *buf, size_t cap);
const char *baseline_at(rctx *c, size_t i, size_t *consumed);
size_t plan_label_len(const rctx *c, size_t a, size_t b);
const char *baseline_at_ex(rctx *c, size_t i, bool compared, size_t *consumed);
bool gap_skippable(rctx *c, size_t a, size_t b);
const char *baseline_after(rctx *c, size_t from, size_t to);
const char *baseline_before(rctx *c, size_t lo, size_t hi);
const char *plan_before(const rctx *c, size_t i);
bool plan_ends_at(const rctx *c, size_t end);
/* The length of a BASELINE phrase of the same period last year at token k
 * (`cùng kỳ`, `cùng kỳ năm trước`), 0 when none stands there. */
size_t same_period_at(const rctx *c, size_t k);
const char *plan_after(const rctx *c, size_t k);
void settle_chain_baseline(rctx *c, sentence_state *ss);
void remember_block_baseline(rctx *c, const sentence_state *ss, size_t s, size_t e);
void baseline_step(rctx *c, draft *d);
void comparand_figure_step(rctx *c, draft *d);

/* role.c — the role and sign of a record: its trigger, qualifiers, shares, restatements in brackets and target cues. */
const trigger_entry *find_trigger(const rctx *c, size_t i, size_t lo, bool rate, size_t *at,
                                         size_t *len);
vnr_qualifier qualifier_before(const rctx *c, size_t i, size_t lo);
bool amount_context(const rctx *c, size_t i, const sentence_state *ss);
bool restates_change(const rctx *c, const sentence_state *ss);
void find_trigger_step(rctx *c, draft *d);
void assign_role(rctx *c, draft *d);
void growth_rate_role(rctx *c, draft *d);
void bracket_restatement(rctx *c, draft *d);
bool target_cue_before(const rctx *c, size_t i, size_t floor, size_t sent_start, bool count);
bool goes_on_with_goals(const rctx *c, size_t s, size_t e);
bool sets_goals(const rctx *c, size_t s, size_t e, size_t first_rec);
bool heads_goals(const rctx *c, size_t s, size_t e);
bool prev_head_named_by(const rctx *c, const sentence_state *ss, const char *phrase);
bool in_goal_list(const rctx *c, size_t i, size_t sent_start, size_t sent_end, sentence_state *ss);
void refine_role(rctx *c, draft *d);

/* estimate.c — whether a record is an estimate: estimate words in its segment or its sentence, or the statement head's. */
bool estimate_word_before(const rctx *c, sentence_state *ss, size_t sent_start, size_t hi);
void estimate_step(rctx *c, draft *d);

/* indicator.c — the indicator and subject phrases of a record: the phrase before the value trimmed of fillers, periods and baselines, sentence labels and the noun phrase after a count. */
size_t time_adverbial_at(const rctx *c, size_t a, size_t b);
void trim_phrase(rctx *c, size_t *a, size_t *b);
const char *phrase_text(rctx *c, size_t a, size_t b);
void indicator_span(rctx *c, size_t i, size_t trig_at, size_t floor, size_t sent_start,
                           size_t *a, size_t *b);
bool contains_words(const char *hay, const char *needle, size_t n);
size_t count_tail_end(const rctx *c, size_t from, size_t limit);
const char *sentence_label(rctx *c, size_t s, size_t e, bool *list);
const char *valueless_head(rctx *c, size_t s, size_t e);
const char *valueless_sentence(rctx *c, size_t s, size_t e);
const char *measure_label(rctx *c, size_t s, size_t e);
bool names_growth_rate(rctx *c, const char *indicator);
bool names_output(const char *indicator);
/* Where the rate word before value i and its verb of being start (`đạt tỷ
 * lệ | 8,5%`); i when there is none (role.c). */
size_t rate_words_before(const rctx *c, size_t i);
bool indicator_step(rctx *c, draft *d);

/* record-period.c — the period a record refers to, read from the tokens around it by the shared period grammar (period/), and the tokens of period phrases. */
bool period_of_tokens(rctx *c, size_t a, size_t b, bool first, char *buf, size_t cap);
const char *record_period(rctx *c, size_t i, const quantity *q, number_ctx *nc, int comparand_year);
/* Value token i ends a list of items named by their periods (`quý I tăng
 * 6,9%, quý II tăng 7,6%`): later values of the sentence do not take them. */
void end_period_items(rctx *c, number_ctx *nc, size_t i);
bool mark_period_tokens(const rctx *c, size_t a, size_t b, bool compared, bool *skip);
bool in_period_phrase(const rctx *c, size_t i);

/* emit.c — one record from one quantity: runs the rule modules in order (role, estimate, baseline, indicator, unit, period) and stores it. */
bool push_record(rctx *c, vnr_record *r);
bool emit_quantity(rctx *c, size_t i, quantity *q, number_ctx *nc, sentence_state *ss,
                          bool pair_second, const char *pair_unit);

/* Reading one sentence: its bounds and what its records share. */
typedef struct sentence_walk {
    number_ctx nc;
    sentence_state ss;
    size_t end;             /* first token after the sentence */
} sentence_walk;

/* pairs.c — values read together: ranges, fractions and actual/plan pairs, pairs across '/', amounts in two scales. */
typedef enum pair_step {
    PAIR_FAILED = -1,   /* out of memory */
    PAIR_NONE = 0,      /* not this kind of pair: read the value another way */
    PAIR_READ = 1       /* records made; *next set */
} pair_step;
pair_step read_range(rctx *c, sentence_walk *w, size_t i, quantity *q, size_t *next);
pair_step read_fraction(rctx *c, sentence_walk *w, size_t i, quantity *q, size_t *next);
pair_step read_slash_pair(rctx *c, sentence_walk *w, size_t i, quantity *q, size_t *next);
pair_step read_mixed_scale(rctx *c, sentence_walk *w, size_t i, quantity *q, size_t *next);

/* recognize.c — the driver: blocks → sentences → numbers; hands each quantity (single, range, fraction or pair) to emit.c. */
bool process_sentence(rctx *c, size_t s, size_t e, sentence_state *last);
bool set_section(rctx *c, const block *b);
bool process_block(rctx *c, size_t bi);

#endif
