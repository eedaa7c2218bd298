package com.gatewaywizard.simulator;

/** An IPv4 prefix such as {@code 10.10.1.0/24}. */
record Cidr(long network, int bits) {

    static Cidr parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("/");
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            String[] octets = parts[0].split("\\.");
            if (octets.length != 4) {
                throw new IllegalArgumentException();
            }
            long addr = 0;
            for (String o : octets) {
                int v = Integer.parseInt(o);
                if (v < 0 || v > 255) {
                    throw new IllegalArgumentException();
                }
                addr = (addr << 8) | v;
            }
            int bits = Integer.parseInt(parts[1]);
            if (bits < 0 || bits > 32) {
                throw new IllegalArgumentException();
            }
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            if ((addr & mask) != addr) {
                throw ArmException.badRequest("InvalidCIDRNotation", "The address prefix " + text
                        + " in resource has an invalid CIDR notation. For the given prefix length, the address prefix should be "
                        + format(addr & mask) + "/" + bits + ".");
            }
            return new Cidr(addr, bits);
        } catch (IllegalArgumentException e) {
            throw ArmException.badRequest("InvalidAddressPrefixFormat", "Address prefix " + text + " has an invalid format.");
        }
    }

    long size() {
        return 1L << (32 - bits);
    }

    boolean contains(Cidr other) {
        return other.bits >= bits && (other.network & mask()) == network;
    }

    boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    private long mask() {
        return bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    }

    /** The i-th address of the prefix (0 is the network address). */
    String address(long i) {
        return format(network + i);
    }

    static String format(long a) {
        return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
    }

    @Override
    public String toString() {
        return format(network) + "/" + bits;
    }
}
