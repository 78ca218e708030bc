/*
 * estimate.c — recognize stage: whether a record is an estimate: estimate words in its segment or its sentence, or the statement head's.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"

/* Is there an estimate word in the sentence before token `hi`? The
 * sentence is searched once, left to right, however many values ask. */
bool estimate_word_before(const rctx *c, sentence_state *ss, size_t sent_start, size_t hi)
{
    if (ss->est_scanned < sent_start)
        ss->est_scanned = sent_start;
    while (ss->est_at == NONE && ss->est_scanned < hi) {
        if (PHRASE_AT(c, LT_ESTIMATES, ss->est_scanned, NULL))
            ss->est_at = ss->est_scanned;
        ss->est_scanned++;
    }
    return ss->est_at != NONE && ss->est_at < hi;
}
