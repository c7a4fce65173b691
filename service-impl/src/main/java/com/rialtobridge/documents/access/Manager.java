package com.rialtobridge.documents.access;

import java.security.Principal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A manager account: the API keys that act for it and the clients it manages. */
public record Manager(ManagerId id, List<ApiKeyHash> apiKeys, Set<ClientId> clients) implements Principal {

    public Manager {
        Objects.requireNonNull(id, "id");
        apiKeys = List.copyOf(apiKeys);
        clients = Set.copyOf(clients);
    }

    public boolean manages(ClientId client) {
        return clients.contains(client);
    }

    @Override
    public String getName() {
        return id.value();
    }

    @Override
    public String toString() {
        return "Manager[" + id + ", " + apiKeys.size() + " keys, " + clients.size() + " clients]";
    }
}
