package dev.cowcollections.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import dev.cowcollections.CowString;
import java.io.IOException;

/** Writes a {@code CowString} as a JSON string of its text. */
final class CowStringSerializer extends StdScalarSerializer<CowString> {

    private static final long serialVersionUID = 1L;

    static final CowStringSerializer INSTANCE = new CowStringSerializer();

    private CowStringSerializer() {
        super(CowString.class);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, CowString value) {
        return value.isEmpty();
    }

    @Override
    public void serialize(CowString value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.toString());
    }
}
