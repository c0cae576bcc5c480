package dev.cowcollections;

import java.lang.reflect.Modifier;
import java.security.ProtectionDomain;
import java.util.Iterator;

/**
 * The call into this library that led to an event: the outermost frame of the library's own code
 * before the program's, such as {@code CowSet.add} when a set's table detaches, and the public
 * type it belongs to. Found by walking the stack, so only for an event that will be written.
 */
final class LibraryCall {

    private static final StackWalker WALKER =
            StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /**
     * The protection domain of the library's classes. Classes loaded from one code source by one
     * loader share one domain, so this tells the library's frames from those of a program or a
     * test in the same package, which come from another jar or directory.
     */
    private static final ProtectionDomain LIBRARY = LibraryCall.class.getProtectionDomain();

    /** The public type the call went through, e.g. {@code "CowSet"}. */
    final String type;

    /** The class and method the call went through, e.g. {@code "CowMap$KeySet.removeIf"}. */
    final String operation;

    private LibraryCall(String type, String operation) {
        this.type = type;
        this.operation = operation;
    }

    /**
     * Finds the call in the current stack. {@code fallbackType} names the type when the outermost
     * library frame belongs to no public type (a {@code CowSubList} writes through its list); when
     * it is null, that frame's own class names it.
     */
    static LibraryCall find(Class<?> fallbackType) {
        StackWalker.StackFrame outermost = WALKER.walk(frames -> {
            StackWalker.StackFrame last = null;
            for (Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext(); ) {
                StackWalker.StackFrame frame = it.next();
                if (frame.getDeclaringClass().getProtectionDomain() != LIBRARY) {
                    break;
                }
                last = frame;
            }
            return last;
        });
        Class<?> declaring = outermost.getDeclaringClass();
        Class<?> host = declaring.getNestHost();
        String type = Modifier.isPublic(host.getModifiers()) || fallbackType == null
                ? host.getSimpleName() : fallbackType.getSimpleName();
        String className = declaring.getName().substring(declaring.getPackageName().length() + 1);
        return new LibraryCall(type, className + "." + outermost.getMethodName());
    }
}
