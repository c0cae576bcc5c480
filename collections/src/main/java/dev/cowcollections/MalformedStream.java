package dev.cowcollections;

import java.io.IOException;
import java.io.InvalidObjectException;

/**
 * The {@link InvalidObjectException} that a {@code readObject} throws for a stream that ends, or
 * breaks, before the contents it announced. {@code ObjectInputStream} reports a cut stream as
 * {@code EOFException}, {@code OptionalDataException} or, when the cut falls inside a block-data
 * header, {@code StreamCorruptedException}; SPEC asks for one exception for all of them.
 */
final class MalformedStream {

    private MalformedStream() {
    }

    /** @param missing what the stream did not deliver, e.g. "the 3 elements it announced" */
    static InvalidObjectException endsBefore(String missing, IOException cause) {
        InvalidObjectException invalid = new InvalidObjectException("stream ends or breaks before " + missing);
        invalid.initCause(cause);
        return invalid;
    }
}
