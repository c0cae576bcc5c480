package dev.cowcollections.tools;

import java.util.Set;
import java.util.TreeSet;

/** The detaches recorded at one place in a program: how many, and how much they copied. */
final class CallSite {

    /** The frame that called the library, as {@code com.example.Orders.addLine line 42}. */
    final String frame;

    /** The collection types written there, e.g. {@code CowList}. */
    final Set<String> types = new TreeSet<>();

    /** The library methods called there, e.g. {@code CowList.add}. */
    final Set<String> operations = new TreeSet<>();

    long detaches;
    long elements;
    long bytes;

    CallSite(String frame) {
        this.frame = frame;
    }

    void add(String type, String operation, long copiedElements, long copiedBytes) {
        if (type != null) {
            types.add(type);
        }
        if (operation != null) {
            operations.add(operation);
        }
        detaches++;
        elements += copiedElements;
        bytes += copiedBytes;
    }
}
