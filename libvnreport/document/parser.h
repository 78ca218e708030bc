/*
 * parser.h — private helpers around vnr_parser (defined in document.c).
 *
 * Owns: the parser's options as vnr_parse and the batch see them.
 * May include: every stage below (document runs the whole pipeline) and
 * the public headers.
 */
#ifndef VNR_PARSER_H
#define VNR_PARSER_H

#include "vnreport/vnreport.h"

/* A new parser with the options of `parser` (defaults when NULL), owned by
 * the caller (vnr_parser_free); NULL when out of memory. */
vnr_parser *parser_clone(const vnr_parser *parser);

#endif
