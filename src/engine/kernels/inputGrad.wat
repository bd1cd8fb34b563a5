;; The gradient of a convolution with respect to its input, as one WebAssembly SIMD
;; function (see ../wasmSimdInputGrad.ts, which lays out the memory): each output
;; position's share of dx, a column of dy times the filter, added into its window.
;;
;;   for every output position k and filter row r = (i, j, c):
;;     dxPadded[base(k) + off(r)] += Σ_f dy[k, f] · W[r, f]
;;
;; dxPadded is the input's frame with the padding around it, zeroed by the caller, who
;; afterwards copies dx out of it; base(k) (a byte address, one i32 per position in the
;; table at $bases) is the top-left of position k's window in it. For one filter row i,
;; the (j, c) part of a window is one run of kw·C floats in dxPadded, so the filter comes
;; transposed and regrouped, $wt holding F rows of groups·8 floats: for each i, its run
;; (j, c) padded with zeros to a whole number of 8-float groups. Group g is added at
;; base(k) + goffs[g] (the table at $goffs, one i32 per group) as two whole vectors.
;;
;; Six positions by eight floats of a group stay in twelve v128 registers over the sum
;; across f: each step loads two vectors of the filter and six single values of dy and
;; does 48 multiply-adds. Positions come in blocks of six (the caller pads dy with zero
;; rows, whose base is the frame's start) and the zero lanes of a group add 0 to the
;; floats after a run, so the caller leaves 32 bytes after the frame. The body is
;; unrolled by hand because WebAssembly has no macros.
(module
  (memory (export "memory") 1)
  (func (export "inputGrad")
    (param $dy i32) (param $wt i32) (param $bases i32) (param $goffs i32)
    (param $blocks i32) (param $groups i32) (param $filters i32) (param $dyRow i32)
    (local $kb i32) (local $g i32) (local $t i32) (local $wp i32) (local $fp i32)
    (local $f i32) (local $o i32) (local $at i32) (local $wtRow i32)
    (local $s v128) (local $w0 v128) (local $w1 v128)
    (local $a00 v128) (local $a01 v128)
    (local $a10 v128) (local $a11 v128)
    (local $a20 v128) (local $a21 v128)
    (local $a30 v128) (local $a31 v128)
    (local $a40 v128) (local $a41 v128)
    (local $a50 v128) (local $a51 v128)
    (local $b0 i32) (local $b1 i32) (local $b2 i32) (local $b3 i32) (local $b4 i32) (local $b5 i32)
    (local $q0 i32) (local $q1 i32) (local $q2 i32) (local $q3 i32) (local $q4 i32) (local $q5 i32)
    (local.set $wtRow (i32.shl (local.get $groups) (i32.const 5)))
    ;; for each block of six positions
    (block $blocksDone (loop $positionBlocks
      (br_if $blocksDone (i32.ge_u (local.get $kb) (local.get $blocks)))
      (local.set $t (i32.add (local.get $bases) (i32.mul (local.get $kb) (i32.const 24))))
      (local.set $b0 (i32.load offset=0 (local.get $t)))
      (local.set $b1 (i32.load offset=4 (local.get $t)))
      (local.set $b2 (i32.load offset=8 (local.get $t)))
      (local.set $b3 (i32.load offset=12 (local.get $t)))
      (local.set $b4 (i32.load offset=16 (local.get $t)))
      (local.set $b5 (i32.load offset=20 (local.get $t)))
      (local.set $q0 (i32.add (local.get $dy) (i32.mul (i32.mul (local.get $kb) (i32.const 6)) (local.get $dyRow))))
      (local.set $q1 (i32.add (local.get $q0) (local.get $dyRow)))
      (local.set $q2 (i32.add (local.get $q1) (local.get $dyRow)))
      (local.set $q3 (i32.add (local.get $q2) (local.get $dyRow)))
      (local.set $q4 (i32.add (local.get $q3) (local.get $dyRow)))
      (local.set $q5 (i32.add (local.get $q4) (local.get $dyRow)))
      ;; for each group of eight floats of the filter's rows
      (local.set $g (i32.const 0))
      (block $groupsDone (loop $groupLoop
        (br_if $groupsDone (i32.ge_u (local.get $g) (local.get $groups)))
        (local.set $a00 (v128.const i32x4 0 0 0 0)) (local.set $a01 (v128.const i32x4 0 0 0 0))
        (local.set $a10 (v128.const i32x4 0 0 0 0)) (local.set $a11 (v128.const i32x4 0 0 0 0))
        (local.set $a20 (v128.const i32x4 0 0 0 0)) (local.set $a21 (v128.const i32x4 0 0 0 0))
        (local.set $a30 (v128.const i32x4 0 0 0 0)) (local.set $a31 (v128.const i32x4 0 0 0 0))
        (local.set $a40 (v128.const i32x4 0 0 0 0)) (local.set $a41 (v128.const i32x4 0 0 0 0))
        (local.set $a50 (v128.const i32x4 0 0 0 0)) (local.set $a51 (v128.const i32x4 0 0 0 0))
        (local.set $wp (i32.add (local.get $wt) (i32.shl (local.get $g) (i32.const 5))))
        (local.set $fp (i32.const 0))
        ;; Σ over f (at least one filter; the caller checks)
        (local.set $f (local.get $filters))
        (loop $sum
            (local.set $w0 (v128.load offset=0 (local.get $wp)))
            (local.set $w1 (v128.load offset=16 (local.get $wp)))
            (local.set $s (v128.load32_splat (i32.add (local.get $q0) (local.get $fp))))
            (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $s) (local.get $w0))))
            (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $s) (local.get $w1))))
            (local.set $s (v128.load32_splat (i32.add (local.get $q1) (local.get $fp))))
            (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $s) (local.get $w0))))
            (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $s) (local.get $w1))))
            (local.set $s (v128.load32_splat (i32.add (local.get $q2) (local.get $fp))))
            (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $s) (local.get $w0))))
            (local.set $a21 (f32x4.add (local.get $a21) (f32x4.mul (local.get $s) (local.get $w1))))
            (local.set $s (v128.load32_splat (i32.add (local.get $q3) (local.get $fp))))
            (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $s) (local.get $w0))))
            (local.set $a31 (f32x4.add (local.get $a31) (f32x4.mul (local.get $s) (local.get $w1))))
            (local.set $s (v128.load32_splat (i32.add (local.get $q4) (local.get $fp))))
            (local.set $a40 (f32x4.add (local.get $a40) (f32x4.mul (local.get $s) (local.get $w0))))
            (local.set $a41 (f32x4.add (local.get $a41) (f32x4.mul (local.get $s) (local.get $w1))))
            (local.set $s (v128.load32_splat (i32.add (local.get $q5) (local.get $fp))))
            (local.set $a50 (f32x4.add (local.get $a50) (f32x4.mul (local.get $s) (local.get $w0))))
            (local.set $a51 (f32x4.add (local.get $a51) (f32x4.mul (local.get $s) (local.get $w1))))
          (local.set $wp (i32.add (local.get $wp) (local.get $wtRow)))
          (local.set $fp (i32.add (local.get $fp) (i32.const 4)))
          (br_if $sum (local.tee $f (i32.sub (local.get $f) (i32.const 1)))))
        ;; the block's 6 × 8 sums, added into the six windows
        (local.set $o (i32.load (i32.add (local.get $goffs) (i32.shl (local.get $g) (i32.const 2)))))
        (local.set $at (i32.add (local.get $b0) (local.get $o)))
        (v128.store offset=0 (local.get $at) (f32x4.add (v128.load offset=0 (local.get $at)) (local.get $a00)))
        (v128.store offset=16 (local.get $at) (f32x4.add (v128.load offset=16 (local.get $at)) (local.get $a01)))
        (local.set $at (i32.add (local.get $b1) (local.get $o)))
        (v128.store offset=0 (local.get $at) (f32x4.add (v128.load offset=0 (local.get $at)) (local.get $a10)))
        (v128.store offset=16 (local.get $at) (f32x4.add (v128.load offset=16 (local.get $at)) (local.get $a11)))
        (local.set $at (i32.add (local.get $b2) (local.get $o)))
        (v128.store offset=0 (local.get $at) (f32x4.add (v128.load offset=0 (local.get $at)) (local.get $a20)))
        (v128.store offset=16 (local.get $at) (f32x4.add (v128.load offset=16 (local.get $at)) (local.get $a21)))
        (local.set $at (i32.add (local.get $b3) (local.get $o)))
        (v128.store offset=0 (local.get $at) (f32x4.add (v128.load offset=0 (local.get $at)) (local.get $a30)))
        (v128.store offset=16 (local.get $at) (f32x4.add (v128.load offset=16 (local.get $at)) (local.get $a31)))
        (local.set $at (i32.add (local.get $b4) (local.get $o)))
        (v128.store offset=0 (local.get $at) (f32x4.add (v128.load offset=0 (local.get $at)) (local.get $a40)))
        (v128.store offset=16 (local.get $at) (f32x4.add (v128.load offset=16 (local.get $at)) (local.get $a41)))
        (local.set $at (i32.add (local.get $b5) (local.get $o)))
        (v128.store offset=0 (local.get $at) (f32x4.add (v128.load offset=0 (local.get $at)) (local.get $a50)))
        (v128.store offset=16 (local.get $at) (f32x4.add (v128.load offset=16 (local.get $at)) (local.get $a51)))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $groupLoop)))
      (local.set $kb (i32.add (local.get $kb) (i32.const 1)))
      (br $positionBlocks)))))
