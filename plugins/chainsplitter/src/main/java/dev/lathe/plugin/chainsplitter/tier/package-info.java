/**
 * The cloud tier, where the older blocks of a chain live: an interface and its JDBC
 * implementation over an embedded SQLite file (the default) or a shared PostgreSQL server.
 */
package dev.lathe.plugin.chainsplitter.tier;
