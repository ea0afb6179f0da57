package br.dev.sync.portal;

import br.dev.sync.portal.sandbox.PortalSandbox;

/** Test configurations for a sandbox. */
final class Sandboxes {
    private Sandboxes() {}

    static PortalConfig config(PortalSandbox sandbox) {
        return config(sandbox, 500);
    }

    static PortalConfig config(PortalSandbox sandbox, int pageSize) {
        var o = sandbox.options();
        return PortalConfig.builder()
                .baseUrl(sandbox.baseUrl())
                .agency(o.agency())
                .credentials(o.login(), o.secret())
                .pageSize(pageSize)
                .build();
    }

    static PortalConfig outpost(PortalSandbox sandbox, String outpost) {
        var o = sandbox.options();
        return PortalConfig.builder()
                .baseUrl(sandbox.baseUrl())
                .agency(o.agency())
                .credentials(o.login(), o.secret())
                .outpost(outpost)
                .build();
    }
}
