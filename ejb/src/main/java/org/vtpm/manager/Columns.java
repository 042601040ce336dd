package org.vtpm.manager;

/**
 * Column sizes shared by the entities. Binary values are declared with a length rather than as
 * LOBs: Hibernate maps them to {@code bytea} on PostgreSQL and {@code varbinary} on H2, read and
 * written in the row, where a LOB would be a PostgreSQL large object outside it.
 */
public final class Columns {

    /** Room for the largest vTPM state, snapshot or certificate the manager stores. */
    public static final int BINARY = 16 * 1024 * 1024;

    private Columns() {
    }
}
