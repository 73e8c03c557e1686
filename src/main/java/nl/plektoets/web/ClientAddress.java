package nl.plektoets.web;

import java.net.InetAddress;
import java.util.List;

/**
 * Who sent a request, for per-client limits: the connection's address, unless that is one of the configured trusted
 * proxies ({@code trusted-proxies}); then the nearest address in X-Forwarded-For that is not a trusted proxy. An
 * X-Forwarded-For from anyone else is ignored, since any client can write one.
 */
final class ClientAddress {
    private ClientAddress() {}

    static String of(String remoteAddress, String forwardedFor, List<String> trustedProxies) {
        // no trusted proxy (the default): the connection's address, without parsing it
        if (trustedProxies.isEmpty()) return remoteAddress;
        String remote = normalise(remoteAddress);
        if (remote == null || !trustedProxies.contains(remote) || forwardedFor == null) return remoteAddress;
        String[] hops = forwardedFor.split(",");
        // the proxy appends the address it saw, so read from the right and skip our own proxies
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = normalise(hops[i].strip());
            if (hop == null) return remoteAddress; // not an address: the header is garbage, trust the connection
            if (!trustedProxies.contains(hop)) return hop;
        }
        return remoteAddress;
    }

    /** The canonical text of an IP literal, or null for anything else (never a DNS lookup). */
    private static String normalise(String address) {
        if (address == null || address.isEmpty() || address.length() > 45 || !address.matches("[0-9a-fA-F:.]+"))
            return null;
        try {
            return InetAddress.getByName(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
