package dev.cowcollections.jackson3;

import dev.cowcollections.CowString;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/** Writes a {@code CowString} map key as the property name of its text. */
final class CowStringKeySerializer extends StdSerializer<CowString> {

    static final CowStringKeySerializer INSTANCE = new CowStringKeySerializer();

    private CowStringKeySerializer() {
        super(CowString.class);
    }

    @Override
    public void serialize(CowString value, JsonGenerator gen, SerializationContext provider) {
        gen.writeName(value.toString());
    }
}
