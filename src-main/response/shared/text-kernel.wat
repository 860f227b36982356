;; The byte loops of the body worker, 16 bytes at a time (WebAssembly SIMD), so that it keeps up
;; with the network (bench figure a): `scan`, the inner loop of array-scan.ts, and `units`, the
;; characters TextTally counts. Compiled by scripts/compile-wasm.ts into text-kernel.wasm.ts.
;;
;; `scan` finds a JSON text's structure, some four times as fast as a byte loop in JavaScript. For
;; each block it marks the commas, brackets and braces, leaves out those inside strings (found from
;; the quotes at once, unless the block has a backslash), and steps through the rest alone, tracking
;; the depth. It writes an event for each
;; comma at depth 2 or less, each bracket or brace opened at depth 1 or less, and each closed back
;; to depth 1 or less: all that array-scan.ts needs to find the big array and its elements.
;;
;; Memory: the caller writes the bytes to read at [0, n) and 16 zero bytes after them; events are
;; written from EVENTS on, two i32 each: the byte's offset | the byte << 24 (offsets stay under
;; 2^18), then the depth (before an opening, after a closing, at a comma; negative when the
;; structure broke).
(module
  (memory (export "memory") 40)
  ;; The most bytes one call scans: the events after them never outgrow the memory (8 bytes each).
  (global (export "INPUT_BYTES") i32 (i32.const 262144))
  (global $EVENTS (export "EVENTS") i32 (i32.const 262160))
  ;; The state between calls: depth, inside a string or not, and how many bytes at the start of
  ;; the next call to pass over (1 after a backslash that ended the last call).
  (global $depth (export "depth") (mut i32) (i32.const 0))
  (global $inString (export "inString") (mut i32) (i32.const 0))
  (global $skip (export "skip") (mut i32) (i32.const 0))

  ;; Scans bytes [0, n); returns the number of events written.
  (func (export "scan") (param $n i32) (result i32)
    (local $base i32) (local $v v128) (local $folded v128) (local $quotes i32) (local $opens i32) (local $closes i32)
    (local $backslashes i32) (local $outside i32) (local $mask i32) (local $slow i32) (local $at i32) (local $byte i32)
    (local $events i32) (local $depth i32) (local $inString i32) (local $skip i32)
    (local.set $depth (global.get $depth))
    (local.set $inString (global.get $inString))
    (local.set $skip (global.get $skip))
    (local.set $events (global.get $EVENTS))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $base) (local.get $n)))
        (local.set $v (v128.load (local.get $base)))
        ;; "[" and "{" are 0x5b and 0x7b, "]" and "}" 0x5d and 0x7d: one test each once bit 5 is cleared.
        (local.set $folded (v128.and (local.get $v) (v128.const i8x16 0xdf 0xdf 0xdf 0xdf 0xdf 0xdf 0xdf 0xdf 0xdf 0xdf 0xdf 0xdf 0xdf 0xdf 0xdf 0xdf)))
        (local.set $quotes (i8x16.bitmask (i8x16.eq (local.get $v) (v128.const i8x16 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22))))
        (local.set $opens (i8x16.bitmask (i8x16.eq (local.get $folded) (v128.const i8x16 0x5b 0x5b 0x5b 0x5b 0x5b 0x5b 0x5b 0x5b 0x5b 0x5b 0x5b 0x5b 0x5b 0x5b 0x5b 0x5b))))
        (local.set $closes (i8x16.bitmask (i8x16.eq (local.get $folded) (v128.const i8x16 0x5d 0x5d 0x5d 0x5d 0x5d 0x5d 0x5d 0x5d 0x5d 0x5d 0x5d 0x5d 0x5d 0x5d 0x5d 0x5d))))
        (local.set $mask
          (i32.or (i32.or (local.get $opens) (local.get $closes))
            (i8x16.bitmask (i8x16.eq (local.get $v) (v128.const i8x16 0x2c 0x2c 0x2c 0x2c 0x2c 0x2c 0x2c 0x2c 0x2c 0x2c 0x2c 0x2c 0x2c 0x2c 0x2c 0x2c)))))
        ;; A block with a backslash, or whose first byte is escaped, is stepped through by its
        ;; quotes and backslashes too (slow). Any other is told at once which bytes are in strings.
        (local.set $backslashes (i8x16.bitmask (i8x16.eq (local.get $v) (v128.const i8x16 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c))))
        (local.set $slow (i32.or (i32.gt_u (local.get $skip) (local.get $base)) (i32.ne (local.get $backslashes) (i32.const 0))))
        (if (local.get $slow)
          (then (local.set $mask (i32.or (local.get $mask) (i32.or (local.get $quotes) (local.get $backslashes)))))
          (else
            ;; Quotes before or at each byte, odd or even: the bits of the bytes in strings, less
            ;; the closing quotes, flipped when the block starts in a string; then those outside.
            (local.set $outside (local.get $quotes))
            (local.set $outside (i32.xor (local.get $outside) (i32.shl (local.get $outside) (i32.const 1))))
            (local.set $outside (i32.xor (local.get $outside) (i32.shl (local.get $outside) (i32.const 2))))
            (local.set $outside (i32.xor (local.get $outside) (i32.shl (local.get $outside) (i32.const 4))))
            (local.set $outside (i32.xor (local.get $outside) (i32.shl (local.get $outside) (i32.const 8))))
            (local.set $outside (i32.xor (local.get $outside) (i32.sub (local.get $inString) (i32.const 1))))
            (local.set $inString (i32.xor (local.get $inString) (i32.and (i32.popcnt (local.get $quotes)) (i32.const 1))))
            (local.set $mask (i32.and (local.get $mask) (local.get $outside)))
            (local.set $opens (i32.popcnt (i32.and (local.get $opens) (local.get $outside))))
            (local.set $closes (i32.popcnt (i32.and (local.get $closes) (local.get $outside))))
            ;; Deep in the structure, nothing leaves an event: when even after every closing in the
            ;; block the depth stays above 2, the block only moves the depth, told at once.
            (if (i32.gt_s (i32.sub (local.get $depth) (local.get $closes)) (i32.const 2))
              (then
                (local.set $depth (i32.add (local.get $depth) (i32.sub (local.get $opens) (local.get $closes))))
                (local.set $mask (i32.const 0))))))
        (block $block_done
          (loop $bits
            (br_if $block_done (i32.eqz (local.get $mask)))
            (local.set $at (i32.add (local.get $base) (i32.ctz (local.get $mask))))
            (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
            (local.set $byte (i32.load8_u (local.get $at)))
            (block $next
              ;; In a slow block: strings and escapes; a byte outside strings goes on below.
              (if (local.get $slow)
                (then
                  (br_if $next (i32.lt_u (local.get $at) (local.get $skip)))
                  (if (local.get $inString)
                    (then
                      (if (i32.eq (local.get $byte) (i32.const 0x22))
                        (then (local.set $inString (i32.const 0)))
                        (else
                          ;; A backslash: the byte after it is escaped, whatever it is.
                          (if (i32.eq (local.get $byte) (i32.const 0x5c))
                            (then (local.set $skip (i32.add (local.get $at) (i32.const 2)))))))
                      (br $next)))
                  (if (i32.eq (local.get $byte) (i32.const 0x22))
                    (then
                      (local.set $inString (i32.const 1))
                      (br $next)))))
              ;; A comma, bracket or brace outside strings (or a stray backslash, which does nothing).
              (if (i32.eq (local.get $byte) (i32.const 0x2c))
                (then
                  (if (i32.le_s (local.get $depth) (i32.const 2))
                    (then
                      (i32.store (local.get $events) (i32.or (local.get $at) (i32.shl (local.get $byte) (i32.const 24))))
                      (i32.store offset=4 (local.get $events) (local.get $depth))
                      (local.set $events (i32.add (local.get $events) (i32.const 8))))))
                (else
                  (if (i32.eq (i32.and (local.get $byte) (i32.const 0xdf)) (i32.const 0x5b))
                    (then
                      (if (i32.le_s (local.get $depth) (i32.const 1))
                        (then
                          (i32.store (local.get $events) (i32.or (local.get $at) (i32.shl (local.get $byte) (i32.const 24))))
                          (i32.store offset=4 (local.get $events) (local.get $depth))
                          (local.set $events (i32.add (local.get $events) (i32.const 8)))))
                      (local.set $depth (i32.add (local.get $depth) (i32.const 1))))
                    (else
                      (if (i32.eq (i32.and (local.get $byte) (i32.const 0xdf)) (i32.const 0x5d))
                        (then
                          (local.set $depth (i32.sub (local.get $depth) (i32.const 1)))
                          (if (i32.le_s (local.get $depth) (i32.const 1))
                            (then
                              (i32.store (local.get $events) (i32.or (local.get $at) (i32.shl (local.get $byte) (i32.const 24))))
                              (i32.store offset=4 (local.get $events) (local.get $depth))
                              (local.set $events (i32.add (local.get $events) (i32.const 8))))))))))))
            (br $bits)))
        (local.set $base (i32.add (local.get $base) (i32.const 16)))
        (br $blocks)))
    (global.set $depth (local.get $depth))
    (global.set $inString (local.get $inString))
    (global.set $skip (select (i32.sub (local.get $skip) (local.get $n)) (i32.const 0) (i32.gt_u (local.get $skip) (local.get $n))))
    (i32.shr_u (i32.sub (local.get $events) (global.get $EVENTS)) (i32.const 3)))

  ;; How many UTF-16 units the valid UTF-8 bytes [0, n) decode to: one per byte that starts a
  ;; character (not 10xxxxxx), two for one that starts four bytes (11110xxx). The zero bytes after
  ;; them count as neither.
  (func (export "units") (param $n i32) (result i32)
    (local $base i32) (local $v v128) (local $continuing i32) (local $long i32)
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $base) (local.get $n)))
        (local.set $v (v128.load (local.get $base)))
        (local.set $continuing (i32.add (local.get $continuing)
          (i32.popcnt (i8x16.bitmask (i8x16.lt_s (local.get $v) (v128.const i8x16 -64 -64 -64 -64 -64 -64 -64 -64 -64 -64 -64 -64 -64 -64 -64 -64))))))
        (local.set $long (i32.add (local.get $long)
          (i32.popcnt (i8x16.bitmask (i8x16.ge_u (local.get $v) (v128.const i8x16 0xf0 0xf0 0xf0 0xf0 0xf0 0xf0 0xf0 0xf0 0xf0 0xf0 0xf0 0xf0 0xf0 0xf0 0xf0 0xf0))))))
        (local.set $base (i32.add (local.get $base) (i32.const 16)))
        (br $blocks)))
    (i32.add (i32.sub (local.get $n) (local.get $continuing)) (local.get $long)))
)
