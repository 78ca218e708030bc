/*
 * inputs.c — the command line's file arguments, directories expanded
 * (see commands.h).
 *
 * A directory stands for every regular file under it, recursively, in
 * bytewise name order, so the output of a folder is the same on every
 * machine and locale. Hidden entries are skipped (editor and VCS debris),
 * and so are links to directories met while recursing (no cycles); links
 * to files are read.
 */
#define _DEFAULT_SOURCE
#include "commands.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Deeper than any report archive. */
#define MAX_DEPTH 32

typedef struct path_vec {
    char **items;
    size_t count, cap;
} path_vec;

static bool push_path(path_vec *v, char *path)
{
    if (!path)
        return false;
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        char **items = realloc(v->items, cap * sizeof *items);
        if (!items) {
            free(path);
            return false;
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->count++] = path;
    return true;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join_path(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    bool slash = dl && dir[dl - 1] == '/';
    char *p = malloc(dl + nl + 2);
    if (p)
        snprintf(p, dl + nl + 2, "%s%s%s", dir, slash ? "" : "/", name);
    return p;
}

/* Sorted non-hidden names of `dir`; false (errno set) when unreadable. */
static bool list_directory(const char *dir, path_vec *names)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    struct dirent *e;
    bool ok = true;
    while (ok && (e = readdir(d)))
        if (e->d_name[0] != '.')
            ok = push_path(names, strdup(e->d_name));
    closedir(d);
    if (!ok)
        errno = ENOMEM;
    if (names->count > 1)   /* an empty directory has no array to sort */
        qsort(names->items, names->count, sizeof *names->items, compare_names);
    return ok;
}

static int add_argument(const char *path, int depth, path_vec *out);

static int add_directory(const char *dir, int depth, path_vec *out)
{
    path_vec names = { 0 };
    int rc = 0;
    if (depth > MAX_DEPTH) {
        fprintf(stderr, "vnreport: %s: directories nested too deep (a link cycle?)\n", dir);
        return 1;
    }
    if (!list_directory(dir, &names)) {
        fprintf(stderr, "vnreport: %s: cannot read directory: %s\n", dir, strerror(errno));
        rc = 1;
    } else if (depth == 0 && names.count == 0) {
        fprintf(stderr, "vnreport: %s: empty directory, no report to read\n", dir);
        rc = 1;
    }
    for (size_t i = 0; i < names.count; i++) {
        char *path = join_path(dir, names.items[i]);
        if (!path || add_argument(path, depth + 1, out) != 0)
            rc = 1;
        free(path);
        free(names.items[i]);
    }
    free(names.items);
    return rc;
}

static int add_argument(const char *path, int depth, path_vec *out)
{
    struct stat st, link;
    /* Inside a directory, links to directories are not followed (as grep -r
     * does): a link back up would list the same reports again and again. */
    if (depth > 0 && lstat(path, &link) == 0 && S_ISLNK(link.st_mode) &&
        stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return 0;
    /* a missing or unreadable file is reported by the parser, in order */
    if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
        /* inside a directory, only regular files are reports */
        if (depth > 0 && (stat(path, &st) != 0 || !S_ISREG(st.st_mode)))
            return 0;
        if (push_path(out, strdup(path)))
            return 0;
        fputs("vnreport: out of memory\n", stderr);
        return 1;
    }
    return add_directory(path, depth, out);
}

int collect_inputs(char *const *args, size_t n, input_list *list)
{
    path_vec v = { 0 };
    int rc = 0;
    for (size_t i = 0; i < n; i++)
        if (add_argument(args[i], 0, &v) != 0)
            rc = 1;
    list->paths = v.items;
    list->count = v.count;
    return rc;
}

void input_list_free(input_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->paths[i]);
    free(list->paths);
    list->paths = NULL;
    list->count = 0;
}
