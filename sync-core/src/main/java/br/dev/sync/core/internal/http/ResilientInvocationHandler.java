package br.dev.sync.core.internal.http;

import br.dev.sync.core.SyncException;
import feign.FeignException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs every call of a Feign client under the remote's Failsafe policies, with one token refresh on a 401, and
 * makes sure nothing but SDK exceptions come out. Methods of {@link Object} go straight to the Feign proxy; default
 * methods run on this proxy, so the calls they make are protected too. Thread-safe.
 */
final class ResilientInvocationHandler implements InvocationHandler {
    private final Object feign;
    private final Class<?> api;
    private final HttpRuntime runtime;

    ResilientInvocationHandler(Object feign, Class<?> api, HttpRuntime runtime) {
        this.feign = feign;
        this.api = api;
        this.runtime = runtime;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        String what = api.getSimpleName() + "." + method.getName();
        return runtime.call(what, () -> runtime.withFreshTokenOn401(() -> invokeFeign(method, args, what)));
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> api.getSimpleName() + " client of " + runtime.settings().remoteName();
        };
    }

    private Object invokeFeign(Method method, Object[] args, String what) {
        try {
            return method.invoke(feign, args);
        } catch (InvocationTargetException e) {
            throw translate(e.getCause(), what);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + what, e);
        }
    }

    private RuntimeException translate(Throwable t, String what) {
        SyncException sync = Failures.findSync(t);
        if (sync != null) {
            return sync;
        }
        if (t instanceof FeignException feignFailure) {
            return HttpFailures.unreadable(
                    runtime.settings().remoteName(),
                    feignFailure.request() == null
                            ? ""
                            : feignFailure.request().httpMethod().name(),
                    feignFailure.request() == null
                            ? what
                            : feignFailure.request().url(),
                    new RuntimeException(
                            runtime.secrets().scrub(feignFailure.getClass().getSimpleName())));
        }
        if (t instanceof RuntimeException runtimeFailure) {
            return runtimeFailure;
        }
        return new IllegalStateException(what + " failed: " + t.getClass().getName());
    }
}
