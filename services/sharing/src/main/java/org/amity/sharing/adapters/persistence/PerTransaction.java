package org.amity.sharing.adapters.persistence;

import java.util.function.Supplier;

import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Values kept for the length of one transaction (in the transaction's own resources): what a consumer's batch would
 * otherwise read again for every event. Whoever writes what a value was read from forgets it in the same transaction;
 * another transaction never sees it.
 */
final class PerTransaction {

    /** Names one kind of value; compared by identity (each key is one constant). */
    static final class Key<T> {
        private final String name;

        Key(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The value of this transaction, read with {@code read} the first time. */
    static <T> T get(TransactionSynchronizationRegistry transaction, Key<T> key, Supplier<T> read) {
        T known = find(transaction, key);
        if (known != null) {
            return known;
        }
        T value = read.get();
        put(transaction, key, value);
        return value;
    }

    /** The value kept in this transaction, or null. */
    @SuppressWarnings("unchecked")
    static <T> T find(TransactionSynchronizationRegistry transaction, Key<T> key) {
        return transaction.getTransactionKey() == null ? null : (T) transaction.getResource(key);
    }

    static <T> void put(TransactionSynchronizationRegistry transaction, Key<T> key, T value) {
        if (transaction.getTransactionKey() != null) {
            transaction.putResource(key, value);
        }
    }

    static void forget(TransactionSynchronizationRegistry transaction, Key<?> key) {
        if (transaction.getTransactionKey() != null) {
            transaction.putResource(key, null);
        }
    }

    private PerTransaction() {
    }
}
