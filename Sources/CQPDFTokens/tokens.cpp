#include "CQPDFTokens.h"

#include <qpdf/Buffer.hh>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/QPDFTokenizer.hh>

#include <cstring>
#include <exception>
#include <memory>

int hb_tokenize_content(const char *data, size_t length, void *context, hb_token_callback callback,
                        char *error, size_t error_size) {
    try {
        Buffer buffer(reinterpret_cast<unsigned char *>(const_cast<char *>(data)), length);
        auto input = std::make_shared<BufferInputSource>("content stream", &buffer);
        QPDFTokenizer tokenizer;
        tokenizer.allowEOF();
        tokenizer.includeIgnorable();
        while (true) {
            QPDFTokenizer::Token token = tokenizer.readToken(input, "content stream", true);
            auto type = static_cast<hb_token_type>(token.getType());
            if (type == hb_tt_eof) return 0;
            if (type == hb_tt_bad) {
                std::snprintf(error, error_size, "malformed content at byte %lld: %s",
                              static_cast<long long>(input->getLastOffset()), token.getErrorMessage().c_str());
                return -1;
            }
            std::string const &raw = token.getRawValue();
            callback(context, type, raw.data(), raw.size());
            // After ID comes an inline image's binary data, which only the tokenizer can delimit.
            if (type == hb_tt_word && raw == "ID") tokenizer.expectInlineImage(input);
        }
    } catch (std::exception const &e) {
        std::snprintf(error, error_size, "%s", e.what());
        return -1;
    }
}

int hb_tokenize_content_spans(const char *data, size_t length, void *context, hb_span_callback callback,
                              char *error, size_t error_size) {
    try {
        Buffer buffer(reinterpret_cast<unsigned char *>(const_cast<char *>(data)), length);
        auto input = std::make_shared<BufferInputSource>("content stream", &buffer);
        // Spaces and comments are not asked for: the caller copies the bytes between tokens as
        // they are, and leaving them to the tokenizer's skipping halves the tokens it builds.
        QPDFTokenizer tokenizer;
        tokenizer.allowEOF();
        std::string const description("content stream");  // once, not per token
        hb_token_span batch[256];
        size_t count = 0;
        while (true) {
            QPDFTokenizer::Token token = tokenizer.readToken(input, description, true);
            auto type = static_cast<hb_token_type>(token.getType());
            if (type == hb_tt_eof) break;
            if (type == hb_tt_bad) {
                std::snprintf(error, error_size, "malformed content at byte %lld: %s",
                              static_cast<long long>(input->getLastOffset()), token.getErrorMessage().c_str());
                return -1;
            }
            std::string const &raw = token.getRawValue();
            auto offset = static_cast<size_t>(input->getLastOffset());
            if (offset > length || raw.size() > length - offset || std::memcmp(data + offset, raw.data(), raw.size()) != 0) {
                std::snprintf(error, error_size, "a token at byte %zu is not where the tokenizer says", offset);
                return -2;
            }
            batch[count++] = hb_token_span{type, offset, raw.size()};
            if (count == 256) {
                callback(context, batch, count);
                count = 0;
            }
            if (type == hb_tt_word && raw == "ID") tokenizer.expectInlineImage(input);
        }
        if (count > 0) callback(context, batch, count);
        return 0;
    } catch (std::exception const &e) {
        std::snprintf(error, error_size, "%s", e.what());
        return -1;
    }
}
