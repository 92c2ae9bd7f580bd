/**
 * What the built-in provider adapters share: the one HTTP exchange of a call ({@link
 * dev.genairesilience.provider.http.ProviderHttpClient}), JSON bodies, image decoding, and the sizes and
 * options every provider type reads.
 */
package dev.genairesilience.provider.http;
