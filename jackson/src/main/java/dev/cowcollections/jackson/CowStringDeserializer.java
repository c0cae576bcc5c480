package dev.cowcollections.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.cowcollections.CowString;
import java.io.IOException;

/**
 * Reads a {@code CowString} from a JSON string. Other scalars are coerced, and other tokens
 * rejected, by Jackson's own rules for {@code String}, with messages that name
 * {@code CowString}.
 */
final class CowStringDeserializer extends StdScalarDeserializer<CowString> {

    private static final long serialVersionUID = 1L;

    static final CowStringDeserializer INSTANCE = new CowStringDeserializer();

    private CowStringDeserializer() {
        super(CowString.class);
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public CowString deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            return new CowString(p.getText());
        }
        if (p.hasToken(JsonToken.START_ARRAY)) {
            // UNWRAP_SINGLE_VALUE_ARRAYS, or the mismatch, worded for CowString.
            return _deserializeFromArray(p, ctxt);
        }
        if (p.hasToken(JsonToken.START_OBJECT)) {
            return (CowString) ctxt.handleUnexpectedToken(getValueType(ctxt), p);
        }
        String text = _parseString(p, ctxt, this);
        return text == null ? null : new CowString(text);
    }
}
