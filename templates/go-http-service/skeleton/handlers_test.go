package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestHelloAnswersWithJSON(t *testing.T) {
	ready := &readiness{}
	ready.set(true)
	server := httptest.NewServer(newMux("${{ values.name }}", ready))
	defer server.Close()

	resp, err := http.Get(server.URL + "/hello?name=Paved")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, want 200", resp.StatusCode)
	}
	if got := resp.Header.Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type %q, want application/json", got)
	}
	var body map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if body["service"] != "${{ values.name }}" || body["message"] != "Hello, Paved!" {
		t.Errorf("body %v", body)
	}
}

func TestProbes(t *testing.T) {
	ready := &readiness{}
	server := httptest.NewServer(newMux("${{ values.name }}", ready))
	defer server.Close()

	cases := []struct {
		path  string
		ready bool
		want  int
	}{
		{"/healthz", false, http.StatusOK},
		{"/readyz", false, http.StatusServiceUnavailable},
		{"/readyz", true, http.StatusOK},
	}
	for _, c := range cases {
		ready.set(c.ready)
		resp, err := http.Get(server.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("%s (ready=%v): status %d, want %d", c.path, c.ready, resp.StatusCode, c.want)
		}
	}
}

func TestUnknownPathAndWrongMethod(t *testing.T) {
	server := httptest.NewServer(newMux("${{ values.name }}", &readiness{}))
	defer server.Close()

	resp, err := http.Get(server.URL + "/nope")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /nope: status %d, want 404", resp.StatusCode)
	}
	resp, err = http.Post(server.URL+"/hello", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /hello: status %d, want 405", resp.StatusCode)
	}
}
