package dev.cowcollections.jackson3;

import dev.cowcollections.CowString;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdScalarSerializer;

/** Writes a {@code CowString} as a JSON string of its text. */
final class CowStringSerializer extends StdScalarSerializer<CowString> {

    static final CowStringSerializer INSTANCE = new CowStringSerializer();

    private CowStringSerializer() {
        super(CowString.class);
    }

    @Override
    public boolean isEmpty(SerializationContext provider, CowString value) {
        return value.isEmpty();
    }

    @Override
    public void serialize(CowString value, JsonGenerator gen, SerializationContext provider) {
        gen.writeString(value.toString());
    }
}
