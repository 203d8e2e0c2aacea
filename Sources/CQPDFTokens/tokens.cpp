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
