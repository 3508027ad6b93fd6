package main

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// TestRunServesThenDrainsAndFlushesTelemetry runs the service as main does, against a stand-in
// OTLP/HTTP collector: it serves, and once its context ends it stops and flushes its spans and
// metrics to the collector.
func TestRunServesThenDrainsAndFlushesTelemetry(t *testing.T) {
	var mu sync.Mutex
	received := map[string]int{}
	collector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		received[r.URL.Path]++
		mu.Unlock()
		w.WriteHeader(http.StatusOK)
	}))
	defer collector.Close()
	t.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", collector.URL)
	t.Setenv("OTEL_TRACES_SAMPLER", "always_on")

	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- run(ctx, listener) }()

	base := "http://" + listener.Addr().String()
	awaitReady(t, base+"/readyz")
	resp, err := http.Get(base + "/hello")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /hello: status %d, want 200", resp.StatusCode)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("run did not stop after its context ended")
	}
	mu.Lock()
	defer mu.Unlock()
	for _, path := range []string{"/v1/traces", "/v1/metrics"} {
		if received[path] == 0 {
			t.Errorf("the collector received nothing on %s (got %v)", path, received)
		}
	}
}

func TestListenAndRunRefusesATakenAddress(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	t.Setenv("OTEL_SDK_DISABLED", "true")
	// Cancelled already: were the address taken twice, run would return at once, not serve on.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := listenAndRun(ctx, taken.Addr().String()); err == nil {
		t.Fatal("listenAndRun on a taken address returned no error")
	}
}

func TestPortComesFromTheEnvironment(t *testing.T) {
	t.Setenv("PORT", "9090")
	if got := envOr("PORT", "8080"); got != "9090" {
		t.Errorf("envOr(PORT) = %q, want 9090", got)
	}
	t.Setenv("PORT", "")
	if got := envOr("PORT", "8080"); got != "8080" {
		t.Errorf("envOr(PORT) without PORT = %q, want 8080", got)
	}
}

// awaitReady polls url until it answers 200 (a bound on waiting, not a check of speed).
func awaitReady(t *testing.T, url string) {
	t.Helper()
	last := "no answer"
	for attempt := 0; attempt < 100; attempt++ {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
			last = resp.Status
		} else {
			last = err.Error()
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("GET %s never answered 200: %s", url, last)
}
