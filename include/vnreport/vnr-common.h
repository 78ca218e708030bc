/**
 * @file vnr-common.h
 * @brief Export macro, status codes and the error object shared by
 * every part of the libvnreport API.
 *
 * Do not include this header directly: include <vnreport/vnreport.h>.
 */
#if !defined(VNR_H_IN) && !defined(VNR_COMPILATION)
#error "Only <vnreport/vnreport.h> can be included directly."
#endif

#ifndef VNR_COMMON_H
#define VNR_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define VNR_BEGIN_DECLS extern "C" {
#define VNR_END_DECLS }
#else
/**
 * Opens the declarations of a libvnreport header: `extern "C" {` when the
 * header is read by a C++ compiler, nothing in C.
 */
#define VNR_BEGIN_DECLS
/** Closes what #VNR_BEGIN_DECLS opened. */
#define VNR_END_DECLS
#endif

/**
 * @def VNR_API
 * Marks a declaration as part of the exported ABI. The library is built with
 * hidden visibility; only declarations carrying VNR_API (and listed in the
 * linker version script) are visible to programs that link it.
 */
#if defined(_WIN32) || defined(__CYGWIN__)
#  ifdef VNR_COMPILATION
#    define VNR_API __declspec(dllexport)
#  else
#    define VNR_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define VNR_API __attribute__((visibility("default")))
#else
#  define VNR_API
#endif

VNR_BEGIN_DECLS

/**
 * Result of every fallible libvnreport call.
 *
 * Values are explicit and never reused: new codes are only ever appended.
 * VNR_OK is zero, every error is positive.
 * @since 0.1
 */
typedef enum vnr_status {
    VNR_OK = 0,                 /**< Success. */
    VNR_E_INVALID_ARGUMENT = 1, /**< A NULL or out-of-range argument. */
    VNR_E_NOMEM = 2,            /**< An allocation failed. */
    VNR_E_IO = 3,               /**< A file could not be opened or read. */
    VNR_E_ENCODING = 4,         /**< Input bytes are not valid in the encoding. */
    VNR_E_EMPTY = 5,            /**< The input holds no text at all. */
    VNR_E_TOO_LARGE = 6,        /**< The input exceeds the size the library accepts. */
    VNR_E_UNKNOWN_UNIT = 7,     /**< A unit name is not in the registry. */
    VNR_E_INCOMPATIBLE = 8,     /**< Two units have different dimensions. */
    VNR_E_SYNTAX = 9,           /**< A unit expression or number is malformed. */
    VNR_E_NO_RATE = 10,         /**< Currencies differ and no exchange rate is known. */
    VNR_E_NOT_FOUND = 11,       /**< A looked-up item does not exist. */
    VNR_E_INTERNAL = 12,        /**< A bug in libvnreport; please report it. */
    VNR_E_UNSUPPORTED_FORMAT = 13, /**< The input is a document format this build cannot
                                        read (PDF, DOCX or ODT without their libraries, Word
                                        97-2003 .doc). @since 0.3 */
    VNR_E_NO_TEXT_LAYER = 14,   /**< A PDF with no text to extract (a scan): run OCR first.
                                     @since 0.3 */
    VNR_E_BAD_DOCUMENT = 15     /**< A PDF or DOCX that is damaged, encrypted or unsafe
                                     (external entities, paths out of the archive).
                                     @since 0.3 */
} vnr_status;

/**
 * A fixed English description of @p status.
 *
 * Thread-safe.
 * @param status any value, including unknown ones.
 * @return a static string owned by the library; never NULL, never to be
 *         freed.
 * @since 0.1
 */
VNR_API const char *vnr_status_str(vnr_status status);

/**
 * Detailed information about a failure: code, message and, for input
 * errors, where in the input it happened.
 *
 * Calls that can fail take an optional `vnr_error **error` out-parameter.
 * Pass NULL to ignore details; otherwise, on failure, `*error` receives a new
 * object owned by the caller, to be released with vnr_error_free(). On
 * success `*error` is left untouched.
 * @since 0.1
 */
typedef struct vnr_error vnr_error;

/**
 * The status code carried by @p error.
 * @param error borrowed; may be NULL.
 * @return the status of the failed call; VNR_OK when @p error is NULL.
 * @since 0.1
 */
VNR_API vnr_status vnr_error_status(const vnr_error *error);

/**
 * Human-readable, one-line message of @p error, in English.
 * @param error borrowed; may be NULL.
 * @return a string borrowed from @p error, valid until @p error is freed;
 *         "" (static) when @p error is NULL.
 * @since 0.1
 */
VNR_API const char *vnr_error_message(const vnr_error *error);

/**
 * Line in the original input where the problem was found.
 * @param error borrowed; may be NULL.
 * @return the 1-based line, or 0 when the error is not tied to a position
 *         or @p error is NULL.
 * @since 0.1
 */
VNR_API size_t vnr_error_line(const vnr_error *error);

/**
 * Byte offset in the original input where the problem was found (for a
 * unit error: in the offending unit string).
 * @param error borrowed; may be NULL.
 * @return the 0-based byte offset, or (size_t)-1 when the error is not tied
 *         to a position or @p error is NULL.
 * @since 0.1
 */
VNR_API size_t vnr_error_byte(const vnr_error *error);

/**
 * Release an error object.
 * @param error owned by the caller; NULL is accepted and ignored.
 * @since 0.1
 */
VNR_API void vnr_error_free(vnr_error *error);

VNR_END_DECLS

#endif /* VNR_COMMON_H */
