/** Trial records and the {@link dev.lathe.api.store.ResultStore} extension point that keeps them. */
package dev.lathe.api.store;
