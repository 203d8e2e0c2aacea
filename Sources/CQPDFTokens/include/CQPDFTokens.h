// A C face for qpdf's content-stream tokenizer (QPDFTokenizer), which qpdf's C API lacks.
// Handbill rewrites content streams token by token; it never parses PDF syntax itself.
#ifndef CQPDF_TOKENS_H
#define CQPDF_TOKENS_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Token kinds, in the order of QPDFTokenizer::token_type_e.
typedef enum {
    hb_tt_bad, hb_tt_array_close, hb_tt_array_open, hb_tt_brace_close, hb_tt_brace_open,
    hb_tt_dict_close, hb_tt_dict_open, hb_tt_integer, hb_tt_name, hb_tt_real, hb_tt_string,
    hb_tt_null, hb_tt_bool, hb_tt_word, hb_tt_eof, hb_tt_space, hb_tt_comment, hb_tt_inline_image
} hb_token_type;

/// Called with each token's kind and raw bytes; the raw bytes of all tokens, in order, are the
/// stream again (spaces and comments included).
typedef void (*hb_token_callback)(void *context, hb_token_type type, const char *raw, size_t length);

/// Tokenizes `length` bytes of a content stream. Returns 0, or -1 with a message in `error`
/// (NUL-terminated, cut to `error_size`) for a malformed stream.
int hb_tokenize_content(const char *data, size_t length, void *context, hb_token_callback callback,
                        char *error, size_t error_size);

/// One token as a kind and where its bytes stand in the stream, so a caller reads them from its
/// own buffer without a copy per token.
typedef struct {
    hb_token_type type;
    size_t offset;
    size_t length;
} hb_token_span;

/// Called with up to `count` tokens at a time.
typedef void (*hb_span_callback)(void *context, const hb_token_span *spans, size_t count);

/// As `hb_tokenize_content`, but hands over tokens in batches of spans (for the hot paths), and
/// leaves out spaces and comments: the bytes between two spans are whitespace and comments only.
/// Returns -2 (and stops) if a token's raw bytes are not the stream's bytes at its offset.
int hb_tokenize_content_spans(const char *data, size_t length, void *context, hb_span_callback callback,
                              char *error, size_t error_size);

#ifdef __cplusplus
}
#endif
#endif
