// Command ${{ values.name }} serves the ${{ values.name }} HTTP API.
package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

const serviceName = "${{ values.name }}"

func main() {
	slog.SetDefault(slog.New(slog.NewJSONHandler(os.Stdout, nil)))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := listenAndRun(ctx, ":"+envOr("PORT", "8080"))
	stop()
	if err != nil {
		slog.Error("service stopped", "error", err)
		os.Exit(1)
	}
}

// listenAndRun takes the address, then serves on it until ctx ends.
func listenAndRun(ctx context.Context, addr string) error {
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return run(ctx, listener)
}

// run serves until ctx ends (SIGTERM from Kubernetes), then drains requests and flushes telemetry.
func run(ctx context.Context, listener net.Listener) error {
	shutdownTelemetry, err := setupTelemetry(ctx, serviceName)
	if err != nil {
		return errors.Join(err, listener.Close())
	}
	defer func() {
		flushCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := shutdownTelemetry(flushCtx); err != nil {
			slog.Warn("telemetry flush failed", "error", err)
		}
	}()

	ready := &readiness{}
	server := &http.Server{
		Handler:           otelhttp.NewHandler(newMux(serviceName, ready), serviceName),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	serverErr := make(chan error, 1)
	go func() {
		slog.Info("listening", "addr", listener.Addr().String())
		serverErr <- server.Serve(listener)
	}()
	ready.set(true)

	select {
	case err := <-serverErr:
		return err
	case <-ctx.Done():
	}
	// Stop taking new traffic first (readiness fails), then let requests in flight finish.
	ready.set(false)
	drainCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := server.Shutdown(drainCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func envOr(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}
