/*
 * batch.c — many files parsed on worker threads, handed back in input
 * order (vnr_batch_*, see vnr-document.h).
 *
 * Owns: the worker pool and the reorder window. Workers claim file
 * indexes in order but only within a window of `threads` files past the
 * one the caller is waiting for, so a slow file never lets the others run
 * ahead and pile up documents: memory is bounded by threads + 1 documents.
 * Each result lands in slot index % window; a worker may claim index j only
 * once j - window has been handed back, so slots are never overwritten.
 *
 * Each worker parses with its own copy of the parser options (a vnr_parser
 * must not be used by two threads at once). With one thread, no worker is
 * started: vnr_batch_next() parses on the caller's thread.
 */
#include "error.h"
#include "parser.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct batch_slot {
    bool ready;
    vnr_status status;
    vnr_document *doc;
    vnr_error *error;
} batch_slot;

struct vnr_batch {
    char **paths;
    size_t count;
    unsigned threads;
    vnr_parser *options;     /* the single-thread path's parser */

    pthread_t *workers;
    unsigned n_workers;
    pthread_mutex_t lock;
    pthread_cond_t window_moved; /* workers wait here for room to claim */
    pthread_cond_t slot_filled;  /* the caller waits here for its file */
    batch_slot *slots;
    size_t window;
    size_t next_claim;   /* next file index a worker takes */
    size_t next_handout; /* next file index vnr_batch_next() returns */
    bool stopping;
};

static unsigned online_processors(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (unsigned)n;
}

/* Claim the next file index, waiting for room in the window; false when
 * there is nothing left to claim or the batch is stopping. */
static bool claim(vnr_batch *b, size_t *index)
{
    pthread_mutex_lock(&b->lock);
    while (!b->stopping && b->next_claim < b->count &&
           b->next_claim >= b->next_handout + b->window)
        pthread_cond_wait(&b->window_moved, &b->lock);
    bool ok = !b->stopping && b->next_claim < b->count;
    if (ok)
        *index = b->next_claim++;
    pthread_mutex_unlock(&b->lock);
    return ok;
}

static void *worker_main(void *arg)
{
    vnr_batch *b = arg;
    vnr_parser *parser = parser_clone(b->options);
    size_t i;
    while (claim(b, &i)) {
        batch_slot result = { .ready = true };
        result.status = parser
            ? vnr_parse_file(parser, b->paths[i], &result.doc, &result.error)
            : error_set(&result.error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
        pthread_mutex_lock(&b->lock);
        b->slots[i % b->window] = result;
        pthread_cond_broadcast(&b->slot_filled);
        pthread_mutex_unlock(&b->lock);
    }
    vnr_parser_free(parser);
    return NULL;
}

static bool copy_paths(vnr_batch *b, const char *const *paths, size_t count)
{
    b->paths = calloc(count ? count : 1, sizeof *b->paths);
    if (!b->paths)
        return false;
    b->count = count;
    for (size_t i = 0; i < count; i++)
        if (!(b->paths[i] = strdup(paths[i])))
            return false;
    return true;
}

/* Start up to `threads` workers; fewer (even none, then the caller's
 * thread parses) when the system refuses more threads. */
static bool start_workers(vnr_batch *b, unsigned threads)
{
    b->window = threads;
    b->workers = calloc(threads, sizeof *b->workers);
    if (!b->workers)
        return false;
    b->slots = calloc(b->window, sizeof *b->slots);
    if (!b->slots)
        return false;
    /* initialized exactly when slots exist: vnr_batch_free relies on it */
    pthread_mutex_init(&b->lock, NULL);
    pthread_cond_init(&b->window_moved, NULL);
    pthread_cond_init(&b->slot_filled, NULL);
    for (unsigned t = 0; t < threads; t++) {
        if (pthread_create(&b->workers[t], NULL, worker_main, b) != 0)
            break;
        b->n_workers++;
    }
    return true;
}

vnr_status vnr_batch_new(const vnr_parser *parser, const char *const *paths, size_t count,
                         unsigned threads, vnr_batch **out, vnr_error **error)
{
    if (out)
        *out = NULL;
    bool bad_paths = count > 0 && !paths;
    for (size_t i = 0; !bad_paths && i < count; i++)
        bad_paths = !paths[i];
    if (!out || bad_paths)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION,
                         "vnr_batch_new: %s is NULL", out ? "a path" : "out");
    vnr_batch *b = calloc(1, sizeof *b);
    if (!b)
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    b->threads = threads ? threads : online_processors();
    bool ok = (b->options = parser_clone(parser)) && copy_paths(b, paths, count);
    /* no point in more workers than files */
    unsigned workers = b->threads > count ? (unsigned)count : b->threads;
    if (ok && workers > 1)
        ok = start_workers(b, workers);
    if (!ok) {
        vnr_batch_free(b);
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    }
    *out = b;
    return VNR_OK;
}

vnr_status vnr_batch_next(vnr_batch *b, size_t *index, vnr_document **doc, vnr_error **error)
{
    if (doc)
        *doc = NULL;
    if (!b || !doc)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION,
                         "vnr_batch_next: %s is NULL", b ? "doc" : "batch");
    if (b->n_workers == 0) {
        size_t i = b->next_handout;
        if (index)
            *index = i;
        if (i >= b->count)
            return VNR_OK;
        b->next_handout++;
        return vnr_parse_file(b->options, b->paths[i], doc, error);
    }
    pthread_mutex_lock(&b->lock);
    size_t i = b->next_handout;
    if (index)
        *index = i;
    if (i >= b->count) {
        pthread_mutex_unlock(&b->lock);
        return VNR_OK;
    }
    batch_slot *slot = &b->slots[i % b->window];
    while (!slot->ready)
        pthread_cond_wait(&b->slot_filled, &b->lock);
    batch_slot result = *slot;
    memset(slot, 0, sizeof *slot);
    b->next_handout++;
    pthread_cond_broadcast(&b->window_moved);
    pthread_mutex_unlock(&b->lock);
    *doc = result.doc;
    if (error)
        *error = result.error;
    else
        vnr_error_free(result.error);
    return result.status;
}

unsigned vnr_batch_threads(const vnr_batch *b)
{
    return b ? b->threads : 0;
}

void vnr_batch_free(vnr_batch *b)
{
    if (!b)
        return;
    if (b->n_workers) {
        pthread_mutex_lock(&b->lock);
        b->stopping = true;
        pthread_cond_broadcast(&b->window_moved);
        pthread_mutex_unlock(&b->lock);
        for (unsigned t = 0; t < b->n_workers; t++)
            pthread_join(b->workers[t], NULL);
    }
    if (b->slots) {
        for (size_t s = 0; s < b->window; s++) {
            vnr_document_unref(b->slots[s].doc);
            vnr_error_free(b->slots[s].error);
        }
        pthread_cond_destroy(&b->slot_filled);
        pthread_cond_destroy(&b->window_moved);
        pthread_mutex_destroy(&b->lock);
    }
    for (size_t i = 0; b->paths && i < b->count; i++)
        free(b->paths[i]);
    free(b->paths);
    free(b->slots);
    free(b->workers);
    vnr_parser_free(b->options);
    free(b);
}
