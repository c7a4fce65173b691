package com.rialtobridge.documents.access;

/** Where the current directory comes from; a reloading source can swap it while the service runs. */
@FunctionalInterface
public interface DirectorySource {

    Directory current();
}
