package com.rialtobridge.documents.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/** Who may call, and for which clients: an immutable snapshot of the directory file. */
public final class Directory {

    private record KeyOwner(ApiKeyHash hash, Manager manager) {
    }

    private final List<Manager> managers;
    private final List<KeyOwner> keys;
    private final BiPredicate<ApiKeyHash, ApiKeyHash> comparison;

    public Directory(List<Manager> managers) {
        this(managers, ApiKeyHash::matches);
    }

    /** @param comparison how two hashes are compared; a test counts the comparisons through it */
    Directory(List<Manager> managers, BiPredicate<ApiKeyHash, ApiKeyHash> comparison) {
        this.comparison = Objects.requireNonNull(comparison, "comparison");
        this.managers = List.copyOf(managers);
        Set<ManagerId> ids = new HashSet<>();
        Set<ApiKeyHash> seen = new HashSet<>();
        List<KeyOwner> owners = new ArrayList<>();
        for (Manager manager : this.managers) {
            if (!ids.add(manager.id())) {
                throw new IllegalArgumentException("manager '" + manager.id() + "' appears twice");
            }
            for (ApiKeyHash hash : manager.apiKeys()) {
                if (!seen.add(hash)) {
                    throw new IllegalArgumentException("an API key hash is listed twice (again under manager '"
                            + manager.id() + "'); a key must act for one manager only");
                }
                owners.add(new KeyOwner(hash, manager));
            }
        }
        this.keys = List.copyOf(owners);
    }

    /**
     * The manager a presented key acts for. Every known hash is compared, in constant time each,
     * whatever matched before, so the answer takes the same time for every key.
     */
    public Optional<Manager> authenticate(String presentedApiKey) {
        Objects.requireNonNull(presentedApiKey, "presentedApiKey");
        ApiKeyHash presented = ApiKeyHash.of(presentedApiKey);
        Manager found = null;
        for (KeyOwner owner : keys) {
            if (comparison.test(owner.hash(), presented)) {
                found = owner.manager();
            }
        }
        return Optional.ofNullable(found);
    }

    public List<Manager> managers() {
        return managers;
    }

    public int keyCount() {
        return keys.size();
    }
}
