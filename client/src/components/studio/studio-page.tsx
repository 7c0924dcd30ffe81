// The frame of every studio page: only for a signed-in teacher, with the teacher's bar and, on the
// pages below the studio's own, the way back (to the studio, or from the preview to the editor).
import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { RequireTeacher } from '../teacher/require-teacher.tsx';
import { TeacherBar } from '../teacher/teacher-bar.tsx';

export function StudioPage(props: { back?: { href: string; label: string }; children: JSX.Element }): JSX.Element {
  return (
    <RequireTeacher>
      {(me) => (
        <div class="tw-page st-page">
          <TeacherBar me={me} />
          <Show when={props.back}>
            {(back) => (
              <p class="tw-back">
                <A href={back().href}>← {back().label}</A>
              </p>
            )}
          </Show>
          {props.children}
        </div>
      )}
    </RequireTeacher>
  );
}
