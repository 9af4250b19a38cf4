package org.plasticity;

import java.nio.file.Path;

/**
 * A data file that cannot be used: missing, unreadable, or not in the format its reader expects. The message is one
 * line, {@code <file>: <what is wrong>}, so that a failed run names the file to fix in its first line of output and log
 * greps stay simple. It is an {@link IllegalArgumentException} because a bad file is bad input, not a programming
 * error, and callers need not declare it.
 */
public class DataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;

    /**
     * @param source the file (or directory) at fault
     * @param problem what is wrong with it, one line
     */
    public DataException(Path source, String problem) {
        this(String.valueOf(source), problem, null);
    }

    /**
     * @param source what is at fault when it is not a path, e.g. a data set name
     * @param problem what is wrong with it, one line
     */
    public DataException(String source, String problem) {
        this(source, problem, null);
    }

    /** As {@link #DataException(Path, String)}, keeping the low-level cause (an I/O error) for the stack trace. */
    public DataException(Path source, String problem, Throwable cause) {
        this(String.valueOf(source), problem, cause);
    }

    private DataException(String source, String problem, Throwable cause) {
        super(oneLine(source + ": " + problem), cause);
        this.source = source;
    }

    /** @return the file or directory the message is about, as given to the constructor. */
    public String source() {
        return source;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
