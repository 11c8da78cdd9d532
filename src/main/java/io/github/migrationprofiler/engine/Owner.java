package io.github.migrationprofiler.engine;

import java.io.IOException;
import java.net.InetAddress;

/**
 * Which run owns what it created (a container, a server, a database): {@code host:pid}. What a
 * run killed with {@code kill -9} left behind is known by an owner on this host whose process is
 * gone; an owner on another host may still be alive, and is left alone.
 */
final class Owner {

    private Owner() {
    }

    /** This run: host name and process id. */
    static String current() {
        return host() + ":" + ProcessHandle.current().pid();
    }

    /** The process of {@code owner}, when it is on this host and no longer runs; else {@code -1}. */
    static long goneProcess(String owner) {
        int colon = owner == null ? -1 : owner.lastIndexOf(':');
        if (colon < 0 || !owner.substring(0, colon).equals(host())) {
            return -1;
        }
        long pid;
        try {
            pid = Long.parseLong(owner.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
        return pid > 0 && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? pid : -1;
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
