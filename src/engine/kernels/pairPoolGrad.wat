;; The gradient of a 2×2, stride-2 max pool whose windows all lie inside the input, as one
;; WebAssembly SIMD function (see ../wasmSimdPoolGrad.ts, which lays out the memory).
;;
;; Each window's dy goes to its first largest cell, scanned (0, 0), (0, 1), (1, 0), (1, 1)
;; with a strict > against the best so far, which starts at −∞; the other three cells get
;; 0. That is the rule of maxPoolGrad.ts (and of tfjs's CPU backend): a tie goes to the
;; earlier cell, a NaN never wins, and a window of −∞ passes no gradient at all.
;;
;; The input and dx are channels last, at $x and $dx (same layout; dx need only be zero
;; where no window reaches, the odd last row or column). Four channels go at once: for
;; each window, vectors start at channels 0, 4, 8, … and the last one at C − 4, so with C
;; not a multiple of 4 it overlaps the one before and writes the same values again (C ≥ 4;
;; the caller checks). $image and $row are bytes per image and per input row; each of
;; $batch, $outHeight and $outWidth is at least 1.
(module
  ;; The memory is given: its own, or tfjs's heap, to work on tensors in place.
  (import "env" "memory" (memory 1))
  (func (export "pairPoolGrad")
    (param $x i32) (param $dy i32) (param $dx i32)
    (param $batch i32) (param $outHeight i32) (param $outWidth i32) (param $channels i32)
    (param $image i32) (param $row i32)
    (local $n i32) (local $oy i32) (local $ox i32) (local $c i32) (local $last i32)
    (local $top i32) (local $corner i32) (local $a i32) (local $g i32)
    (local $cell i32) (local $toDx i32) (local $pair i32)
    (local $va v128) (local $vb v128) (local $vc v128) (local $vd v128) (local $grad v128)
    (local $best v128) (local $ma v128) (local $mb v128) (local $mc v128) (local $md v128)
    (local $later v128) (local $minusInf v128)
    (local.set $minusInf (v128.const f32x4 -inf -inf -inf -inf))
    (local.set $cell (i32.shl (local.get $channels) (i32.const 2)))
    (local.set $pair (i32.shl (local.get $cell) (i32.const 1)))
    (local.set $last (i32.sub (local.get $channels) (i32.const 4)))
    (local.set $toDx (i32.sub (local.get $dx) (local.get $x)))
    (local.set $g (local.get $dy))
    (local.set $n (i32.const 0))
    (loop $images
      (local.set $oy (i32.const 0))
      (loop $outRows
        ;; the window row's top-left: image n, input row 2·oy
        (local.set $top (i32.add (i32.add (local.get $x) (i32.mul (local.get $n) (local.get $image)))
          (i32.mul (i32.shl (local.get $oy) (i32.const 1)) (local.get $row))))
        (local.set $ox (i32.const 0))
        (loop $outColumns
          (local.set $corner (i32.add (local.get $top) (i32.mul (local.get $ox) (local.get $pair))))
          (local.set $c (i32.const 0))
          (loop $channelVectors
            ;; channels c … c + 3, the last vector moved back to end at C
            (if (i32.gt_s (local.get $c) (local.get $last)) (then (local.set $c (local.get $last))))
            (local.set $a (i32.add (local.get $corner) (i32.shl (local.get $c) (i32.const 2))))
            (local.set $va (v128.load (local.get $a)))
            (local.set $vb (v128.load (i32.add (local.get $a) (local.get $cell))))
            (local.set $vc (v128.load (i32.add (local.get $a) (local.get $row))))
            (local.set $vd (v128.load (i32.add (i32.add (local.get $a) (local.get $row)) (local.get $cell))))
            (local.set $ma (f32x4.gt (local.get $va) (local.get $minusInf)))
            (local.set $best (v128.bitselect (local.get $va) (local.get $minusInf) (local.get $ma)))
            (local.set $mb (f32x4.gt (local.get $vb) (local.get $best)))
            (local.set $best (v128.bitselect (local.get $vb) (local.get $best) (local.get $mb)))
            (local.set $mc (f32x4.gt (local.get $vc) (local.get $best)))
            (local.set $best (v128.bitselect (local.get $vc) (local.get $best) (local.get $mc)))
            (local.set $md (f32x4.gt (local.get $vd) (local.get $best)))
            ;; a cell wins when it beat the best before it and no later cell beat it
            (local.set $grad (v128.load (i32.add (local.get $g) (i32.shl (local.get $c) (i32.const 2)))))
            (local.set $a (i32.add (local.get $a) (local.get $toDx)))
            (v128.store (i32.add (i32.add (local.get $a) (local.get $row)) (local.get $cell))
              (v128.and (local.get $grad) (local.get $md)))
            (local.set $later (local.get $md))
            (v128.store (i32.add (local.get $a) (local.get $row))
              (v128.and (local.get $grad) (v128.andnot (local.get $mc) (local.get $later))))
            (local.set $later (v128.or (local.get $later) (local.get $mc)))
            (v128.store (i32.add (local.get $a) (local.get $cell))
              (v128.and (local.get $grad) (v128.andnot (local.get $mb) (local.get $later))))
            (local.set $later (v128.or (local.get $later) (local.get $mb)))
            (v128.store (local.get $a)
              (v128.and (local.get $grad) (v128.andnot (local.get $ma) (local.get $later))))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br_if $channelVectors (i32.lt_s (local.get $c) (local.get $channels))))
          (local.set $g (i32.add (local.get $g) (local.get $cell)))
          (br_if $outColumns (i32.lt_u (local.tee $ox (i32.add (local.get $ox) (i32.const 1))) (local.get $outWidth))))
        (br_if $outRows (i32.lt_u (local.tee $oy (i32.add (local.get $oy) (i32.const 1))) (local.get $outHeight))))
      (br_if $images (i32.lt_u (local.tee $n (i32.add (local.get $n) (i32.const 1))) (local.get $batch))))))
